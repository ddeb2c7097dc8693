/**
 * The Config as JSON, and its file in the run folder: the main step builds the Config once
 * (generating the run's secrets once), writes it for the processes that come after it (the
 * background supervisor, the post step) and they read it back instead of the inputs. What
 * JSON cannot hold is tagged and revived: a `log:` readiness pattern (RegExp), a readiness
 * URL, the allow-list (rebuilt from its entries). The loaded scenarios are plain data.
 *
 * The file holds secrets (credentials, tokens, keys): it is created 0600 and exclusively (a
 * file already there, someone else's, is never written through), and deleted when the run is
 * over (the supervisor's teardown, the post step's end).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { BlockList } from "node:net";
import path from "node:path";
import { parseCidrs } from "../util/parse.js";
import type { Config } from "./config.js";

/** Bumped when the shape changes; main step and readers always come from one build. */
export const CONFIG_VERSION = 1;

export const CONFIG_FILE = "config.json";

/** The key of a tagged value; no input or scenario produces it. */
const TAG = "__preview_tunnel_type";

export function serializeConfig(config: Config): string {
  return JSON.stringify({ version: CONFIG_VERSION, config }, function replacer(key, value: unknown) {
    // `this` is the holder: URL.toJSON() already turned the URL into a string in `value`.
    const original: unknown = (this as Record<string, unknown>)[key];
    if (original instanceof URL) return { [TAG]: "URL", href: original.href };
    if (value instanceof RegExp) return { [TAG]: "RegExp", source: value.source, flags: value.flags };
    if (isCidrList(value)) return { [TAG]: "CidrList", entries: value.entries };
    return value;
  });
}

export function deserializeConfig(text: string): Config {
  const data: unknown = JSON.parse(text, (_key, value: unknown) => revive(value));
  if (!isRecord(data) || data.version !== CONFIG_VERSION || !isRecord(data.config)) {
    throw new Error(
      `The run's config file is not one this version wrote (expected version ${CONFIG_VERSION}).`,
    );
  }
  // Written by serializeConfig from a Config of the same build: its shape is known.
  return data.config as unknown as Config;
}

function revive(value: unknown): unknown {
  if (!isRecord(value) || typeof value[TAG] !== "string") return value;
  switch (value[TAG]) {
    case "URL":
      return new URL(String(value.href));
    case "RegExp":
      return new RegExp(String(value.source), String(value.flags));
    case "CidrList":
      return parseCidrs("allow-cidrs", Array.isArray(value.entries) ? value.entries.join(",") : "");
    default:
      throw new Error(`The run's config file has an unknown value type ${String(value[TAG])}.`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isCidrList(value: unknown): value is { blockList: BlockList; entries: readonly string[] } {
  return isRecord(value) && value.blockList instanceof BlockList && Array.isArray(value.entries);
}

export function configFile(runDir: string): string {
  return path.join(runDir, CONFIG_FILE);
}

/** Writes the run's config file, 0600; fails if a file is already there. */
export function writeConfigFile(runDir: string, config: Config): string {
  const file = configFile(runDir);
  writeFileSync(file, serializeConfig(config), { mode: 0o600, flag: "wx" });
  return file;
}

export function readConfigFile(runDir: string): Config {
  return deserializeConfig(readFileSync(configFile(runDir), "utf8"));
}

/** The run's config, or undefined when the file is gone (the run already ended) or unreadable. */
export function readConfigFileIfAny(runDir: string): Config | undefined {
  try {
    return readConfigFile(runDir);
  } catch {
    return undefined;
  }
}

/** Deletes the run's config file; idempotent, never throws. */
export function removeConfigFile(runDir: string): void {
  try {
    rmSync(configFile(runDir), { force: true });
  } catch {
    // a run folder we cannot write to: nothing of ours to delete
  }
}

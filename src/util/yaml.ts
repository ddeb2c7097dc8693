/**
 * YAML (or JSON, which is YAML) given as an input or in a file an input names: the identity
 * provider's users, an ngrok traffic policy. Bounded, so a huge or hostile text fails with a
 * reason instead of exhausting memory: at most `bytes`, and aliases (`*name`) resolved at most
 * `aliases` times (an alias bomb expands exponentially). The yaml package is large: loaded on
 * first use.
 */
import { statSync } from "node:fs";

export const YAML_INPUT_LIMITS = { bytes: 1024 * 1024, aliases: 100 } as const;

/** Why `file` is not read as such an input (checked before reading it), or undefined. */
export function fileTooLarge(file: string): string | undefined {
  const size = statSync(file).size;
  return size > YAML_INPUT_LIMITS.bytes
    ? `is too large: ${file} has ${size} bytes, at most ${YAML_INPUT_LIMITS.bytes} (1 MiB)`
    : undefined;
}

/** On failure: what is wrong, worded after an input's name ("is not valid YAML or JSON"), and why. */
export type YamlResult =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly problem: string; readonly detail: string };

/** The yaml package, loaded on first use. */
export async function loadYaml(): Promise<typeof import("yaml")> {
  const loaded = await import("yaml");
  // Bundled, the package's CommonJS build arrives as the module's default export.
  return typeof loaded.parse === "function" ? loaded : (loaded.default as typeof import("yaml"));
}

export async function parseYamlInput(text: string): Promise<YamlResult> {
  const bytes = Buffer.byteLength(text);
  if (bytes > YAML_INPUT_LIMITS.bytes)
    return {
      ok: false,
      problem: "is too large",
      detail: `${bytes} bytes, at most ${YAML_INPUT_LIMITS.bytes} (1 MiB)`,
    };
  const yaml = await loadYaml();
  try {
    return { ok: true, data: yaml.parse(text, { maxAliasCount: YAML_INPUT_LIMITS.aliases }) };
  } catch (error) {
    const detail = ((error as Error).message.split("\n")[0] ?? "").trim();
    return error instanceof ReferenceError
      ? { ok: false, problem: "expands its YAML aliases (*name) too far", detail }
      : { ok: false, problem: "is not valid YAML or JSON", detail };
  }
}

/**
 * Reading a recording for replay: the file checked (exists, is a file, not too large), its
 * JSON parsed, and each entry checked for the fields replay uses, so a bad file fails before
 * any request is sent, with the file, the line (bad JSON) or the entry (bad shape) named.
 *
 * Size: HAR 1.2 is one JSON document, which replay reads whole (a streaming parse would need a
 * streaming JSON parser, a dependency for a rare case). Recordings keep at most
 * record-body-limit of each body, so a real one stays far below the cap; past it, the message
 * says how to cut the file down.
 */
import { readFile, stat } from "node:fs/promises";
import { EXIT } from "../errors.js";
import { jsonErrorOffset, lineAndColumn } from "../util/json-position.js";
import type { HarEntry } from "./har.js";

export const MAX_HAR_BYTES = 256 * 1024 * 1024;

/** A recording that cannot be replayed: bad input, exit code 2. */
export class HarFileError extends Error {
  readonly exitCode: number = EXIT.invalidInput;
  constructor(file: string, problem: string) {
    super(`${file} ${problem}`);
    this.name = "HarFileError";
  }
}

export async function readHarEntries(file: string): Promise<HarEntry[]> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new HarFileError(
      file,
      error.code === "ENOENT" ? "does not exist" : `cannot be read (${error.code})`,
    );
  });
  if (info.isDirectory()) throw new HarFileError(file, "is a directory: give the path of a .har file");
  if (!info.isFile()) throw new HarFileError(file, "is not a regular file");
  if (info.size > MAX_HAR_BYTES)
    throw new HarFileError(
      file,
      `has ${info.size} bytes; replay reads at most ${MAX_HAR_BYTES} (256 MiB): keep the entries you need, e.g. jq '.log.entries |= map(select(.request.url | test("/webhooks")))'`,
    );
  const text = await readFile(file, "utf8");
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (error) {
    throw new HarFileError(file, `is not valid JSON (${jsonErrorPlace(text, error as Error)})`);
  }
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new HarFileError(file, "is not a HAR file: it has no log.entries list");
  entries.forEach((entry, index) => {
    const problem = entryProblem(entry);
    if (problem !== undefined) throw new HarFileError(file, `has log.entries[${index}] ${problem}`);
  });
  return entries as HarEntry[];
}

/** V8's message (its first line), and the line and column where the text first goes wrong. */
function jsonErrorPlace(text: string, error: Error): string {
  const message = (error.message.split("\n")[0] ?? "").replace(/, \.\.\.".*$/, "");
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return message;
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line} column ${column}: ${message}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What replay needs of an entry and it lacks, or undefined. */
function entryProblem(entry: unknown): string | undefined {
  if (!isObject(entry)) return "that is not an object";
  const { request, response } = entry;
  if (!isObject(request)) return "without a request";
  if (typeof request.method !== "string" || request.method === "") return "without request.method";
  if (typeof request.url !== "string") return "without request.url";
  if (
    !Array.isArray(request.headers) ||
    !request.headers.every((h) => isObject(h) && typeof h.name === "string" && typeof h.value === "string")
  )
    return "whose request.headers is not a list of {name, value}";
  const post = request.postData;
  if (post !== undefined && (!isObject(post) || typeof post.text !== "string"))
    return "whose request.postData has no text";
  if (request.bodySize !== undefined && typeof request.bodySize !== "number")
    return "whose request.bodySize is not a number";
  if (!isObject(response) || typeof response.status !== "number") return "without response.status";
  return undefined;
}

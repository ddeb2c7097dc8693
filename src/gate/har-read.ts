/**
 * Reading a recording for replay: the file checked (exists, is a file), its JSON parsed, and
 * each entry checked for the fields replay uses, so a bad file fails before any request is
 * sent, with the file, the line (bad JSON) or the entry (bad shape) named.
 *
 * Size: a recording up to STREAM_ABOVE_BYTES is parsed whole (JSON.parse, which names the
 * line and column of bad JSON). A larger one (a long run with big bodies; past about 512 MB a
 * JSON text no longer fits in one V8 string) is streamed with stream-json, one entry at a time:
 * read once to check every entry, and again to replay them, so memory holds one entry, never
 * the file.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import chain from "stream-chain";
import { parser } from "stream-json";
import { pick } from "stream-json/filters/pick.js";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { EXIT } from "../errors.js";
import { jsonErrorOffset, lineAndColumn } from "../util/json-position.js";
import type { HarEntry } from "./har.js";

/** Above this size a recording is streamed entry by entry instead of parsed whole. */
export const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;

/** A recording that cannot be replayed: bad input, exit code 2. */
export class HarFileError extends Error {
  readonly exitCode: number = EXIT.invalidInput;
  constructor(file: string, problem: string) {
    super(`${file} ${problem}`);
    this.name = "HarFileError";
  }
}

const NO_ENTRIES = "is not a HAR file: it has no log.entries list";

/**
 * The recording's entries, every one checked before this resolves (a HarFileError names what
 * is wrong); iterated in order. `streamAboveBytes` is for tests.
 */
export async function readHarEntries(
  file: string,
  options: { readonly streamAboveBytes?: number } = {},
): Promise<AsyncIterable<HarEntry>> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new HarFileError(
      file,
      error.code === "ENOENT" ? "does not exist" : `cannot be read (${error.code})`,
    );
  });
  if (info.isDirectory()) throw new HarFileError(file, "is a directory: give the path of a .har file");
  if (!info.isFile()) throw new HarFileError(file, "is not a regular file");
  if (info.size > (options.streamAboveBytes ?? STREAM_ABOVE_BYTES)) {
    // First pass: check every entry (nothing is sent yet); the second, in the caller's loop.
    for await (const _ of streamEntries(file));
    return { [Symbol.asyncIterator]: () => streamEntries(file)[Symbol.asyncIterator]() };
  }
  const entries = await parseWhole(file);
  return {
    async *[Symbol.asyncIterator]() {
      yield* entries;
    },
  };
}

async function parseWhole(file: string): Promise<HarEntry[]> {
  const text = await readFile(file, "utf8");
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (error) {
    throw new HarFileError(file, `is not valid JSON (${jsonErrorPlace(text, error as Error)})`);
  }
  const entries = (har as { log?: { entries?: unknown } } | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new HarFileError(file, NO_ENTRIES);
  entries.forEach((entry, index) => {
    const problem = entryProblem(entry);
    if (problem !== undefined) throw new HarFileError(file, `has log.entries[${index}] ${problem}`);
  });
  return entries as HarEntry[];
}

/** `log.entries` of a large file, one checked entry at a time. */
async function* streamEntries(file: string): AsyncGenerator<HarEntry> {
  let found = false;
  let bytes = 0;
  const source = createReadStream(file);
  source.on("data", (chunk) => {
    bytes += chunk.length;
  });
  const entries = chain([
    source,
    parser(),
    pick({
      filter: (stack) => {
        const hit = stack.length === 2 && stack[0] === "log" && stack[1] === "entries";
        found ||= hit;
        return hit;
      },
      once: true,
    }),
    streamArray(),
  ]);
  try {
    for await (const { key, value } of entries as AsyncIterable<{ key: number; value: unknown }>) {
      const problem = entryProblem(value);
      if (problem !== undefined) throw new HarFileError(file, `has log.entries[${key}] ${problem}`);
      yield value as HarEntry;
    }
  } catch (error) {
    if (error instanceof HarFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string") throw new HarFileError(file, `cannot be read (${code})`);
    const message = error instanceof Error ? error.message : String(error);
    // streamArray's words for log.entries that is no list.
    if (/should be an array/i.test(message)) throw new HarFileError(file, NO_ENTRIES);
    throw new HarFileError(file, `is not valid JSON (within its first ${bytes} bytes: ${message})`);
  } finally {
    entries.destroy();
    source.destroy();
  }
  if (!found) throw new HarFileError(file, NO_ENTRIES);
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

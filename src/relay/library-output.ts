/**
 * What @actions/artifact prints while it uploads, kept out of the step log's plain view.
 *
 * The library logs through its own copy of @actions/core, straight to stdout: a handful of info
 * lines per upload ("Artifact name is valid!", "Finalizing artifact upload", ...) and debug
 * lines with the results service's whole responses, whose `signed_upload_url` carries the blob
 * storage's signature (a short-lived write credential). It has no logger option, so its calls
 * run inside an AsyncLocalStorage context, and stdout's write, while in that context only,
 * turns each of its lines into a `::debug::` line with every URL's query cut off. The pipeline's
 * own writes at the same time belong to other async contexts and pass unchanged. `::add-mask::`
 * lines (the library masks the signatures it sees) pass as they are.
 */
import { AsyncLocalStorage } from "node:async_hooks";

const speaking = new AsyncLocalStorage<true>();
let installed: typeof process.stdout.write | undefined;

/** Runs `call` (an @actions/artifact call) with what it prints turned into redacted debug lines. */
export function quietly<T>(call: () => Promise<T>): Promise<T> {
  install();
  return speaking.run(true, call);
}

/** A URL's query (and fragment) in any text: where signed URLs keep their signature. */
const URL_QUERY = /\b(https?:\/\/[^\s"'<>?#]*)[?#][^\s"'<>]*/gi;

/** `text` as written by the library, as debug lines with URL queries redacted. */
export function asDebugLines(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => {
      // Odd indices hold the line ends; blank lines stay blank.
      if (i % 2 === 1 || part.trim() === "" || part.startsWith("::add-mask::")) return part;
      // A workflow command's message is what follows its second "::"; info lines are all message.
      const command = /^::[a-z-]+(?: [^:]*)?::/i.exec(part);
      const message = command ? part.slice(command[0].length) : part;
      return `::debug::${message.replace(URL_QUERY, "$1?(redacted)")}`;
    })
    .join("");
}

/** Wraps stdout's write once (again if a test replaced it since). */
function install(): void {
  const stdout = process.stdout;
  if (stdout.write === installed) return;
  const write = stdout.write;
  const wrapped = function (this: typeof stdout, chunk: unknown, ...rest: unknown[]) {
    const text =
      speaking.getStore() && (typeof chunk === "string" || Buffer.isBuffer(chunk))
        ? asDebugLines(chunk.toString())
        : chunk;
    return (write as (...args: unknown[]) => boolean).call(this, text, ...rest);
  } as typeof stdout.write;
  stdout.write = wrapped;
  installed = wrapped;
}

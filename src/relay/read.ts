/**
 * Reads a status artifact: download the zip (capped), find status.json, inflate it (capped),
 * parse the JSON. Every cap is checked before the work it bounds, and again while doing it,
 * because the sizes a zip declares are written by whoever made it. Returns the parsed JSON for
 * sanitize.ts, or the reason it was refused, in the relay's own words.
 *
 * Reading the zip is yauzl's job (well kept, no dependencies of note, validates declared
 * against actual sizes); @actions/artifact's own download helper is not used because it
 * extracts to disk without size limits.
 */
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { errorMessage } from "../errors.js";
import type { RepoRef } from "../github/index.js";
import { ArtifactTooLargeError, type RelayApi, type RunArtifact } from "./api.js";
import type { ReadLimits } from "./settings.js";
import { STATUS_FILE } from "./status.js";

export type ReadResult =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      /** The relay's own words (no text from the artifact): safe for the comment. */
      readonly reason: string;
      /** The zip library's error, which may quote the artifact: for the log only, escaped. */
      readonly detail?: string;
    };

/** Downloads and reads one status artifact; API errors other than size reject. */
export async function readStatusArtifact(
  api: RelayApi,
  repo: RepoRef,
  artifact: RunArtifact,
  limits: ReadLimits,
): Promise<ReadResult> {
  if (artifact.sizeInBytes > limits.zipBytes) return tooLarge("artifact", limits.zipBytes);
  let zip: Buffer;
  try {
    zip = await api.downloadArtifact(repo, artifact.id, limits.zipBytes);
  } catch (error) {
    if (error instanceof ArtifactTooLargeError) return tooLarge("artifact", limits.zipBytes);
    throw error;
  }
  return readStatusZip(zip, limits);
}

/** The JSON of status.json inside `zip`, within the limits. */
export async function readStatusZip(zip: Buffer, limits: ReadLimits): Promise<ReadResult> {
  if (zip.length > limits.zipBytes) return tooLarge("artifact", limits.zipBytes);
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.fromBufferPromise(zip, { validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    return { ok: false, reason: "the artifact is not a readable zip", detail: errorMessage(error) };
  }
  try {
    if (zipfile.entryCount > limits.entries) {
      return {
        ok: false,
        reason: `the artifact holds ${zipfile.entryCount} files, more than ${limits.entries}`,
      };
    }
    let found: yauzl.Entry | undefined;
    for await (const entry of zipfile.eachEntry()) {
      if (entry.fileName !== STATUS_FILE) continue;
      if (found) return { ok: false, reason: `the artifact holds ${STATUS_FILE} more than once` };
      found = entry;
    }
    if (!found) return { ok: false, reason: `the artifact has no ${STATUS_FILE}` };
    if (found.isEncrypted() || !found.canDecodeFileData()) {
      return { ok: false, reason: `${STATUS_FILE} is encrypted or compressed in an unsupported way` };
    }
    if (found.uncompressedSize > limits.fileBytes) return tooLarge(STATUS_FILE, limits.fileBytes);
    const bytes = await readAtMost(await zipfile.openReadStreamPromise(found), limits.fileBytes);
    if (bytes === undefined) return tooLarge(STATUS_FILE, limits.fileBytes);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, reason: `${STATUS_FILE} is not UTF-8 text` };
    }
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, reason: `${STATUS_FILE} is not JSON` };
    }
  } catch (error) {
    // yauzl's checks of declared against actual sizes end here (a zip bomb with a lying header).
    return { ok: false, reason: "the artifact is not a readable zip", detail: errorMessage(error) };
  } finally {
    zipfile.close();
  }
}

/** The stream's bytes, or undefined as soon as there are more than `max`. */
async function readAtMost(stream: Readable, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      stream.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(what: string, max: number): ReadResult {
  return { ok: false, reason: `the ${what} is larger than ${max} bytes` };
}

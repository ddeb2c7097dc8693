/**
 * Download HAR: the recorder's file so far when the gate records (every request of the run,
 * HarRecorder.snapshot), else a HAR built from the exchanges the inspector keeps in memory,
 * serialized by the recorder's own serializer (the same redaction, the same format).
 */
import { harHeader } from "../recorder.js";
import type { Details } from "./detail.js";
import type { Feed } from "./feed.js";

/** The HAR so far as a complete document (HarRecorder.snapshot). */
export type HarSnapshot = () => Promise<NodeJS.ReadableStream | AsyncIterable<Buffer>>;

export function feedHar(feed: Feed, details: Details): Buffer {
  const parts: string[] = [];
  let left = 0;
  for (const item of feed.all()) {
    const json = details.entryJson(item);
    if (json === undefined) left++;
    else parts.push(json);
  }
  const gone = feed.oldest - 1;
  const notes = ["Built by the request inspector from the requests it keeps in memory (recording is off)"];
  if (gone > 0) notes.push(`${gone} earlier requests are no longer kept`);
  if (left > 0) notes.push(`${left} more were kept only as summaries`);
  const header = harHeader();
  // The document's comment goes after the entries, as the recorder writes its own.
  const footer = `\n],"comment":${JSON.stringify(`${notes.join("; ")}.`)}}}\n`;
  return Buffer.from(`${header}${parts.map((p, i) => (i === 0 ? `\n${p}` : `,\n${p}`)).join("")}${footer}`);
}

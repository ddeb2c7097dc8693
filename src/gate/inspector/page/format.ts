/**
 * How the page shows recorded values: pure functions from text to text (no DOM), so they run
 * in the unit tests as in the browser. The results are put into the page with textContent
 * only; control characters (ANSI escapes and the like) are turned into visible symbols first.
 */
import type { RecordedBody } from "../protocol.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** How a control character is shown: \xHH, which every font can draw (the page styles it apart). */
export function controlName(c: string): string {
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
}

/** C0 controls (but tab and line feed) and DEL written out: ESC shows as \x1b. */
export function visible(text: string): string {
  return text.replace(CONTROLS, controlName);
}

/**
 * The text cut at its control characters: even indexes are plain text, odd ones a control
 * character's name (\x1b), so the page can show those apart from text that looks the same.
 */
export function controlParts(text: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(CONTROLS)) {
    parts.push(text.slice(last, match.index), controlName(match[0]));
    last = match.index + 1;
  }
  parts.push(text.slice(last));
  return parts;
}

export type BodyKind = "json" | "form" | "xml" | "text" | "binary" | "empty";

export interface FormattedBody {
  readonly kind: BodyKind;
  /** Pretty-printed where the kind allows (what the page shows by default). */
  readonly pretty: string;
  /** As recorded (binary: the hex dump too). */
  readonly raw: string;
  /** Said above the body: truncation, left out, shown in part. */
  readonly notes: readonly string[];
}

/** Bytes of a binary body shown as hex (a dump of more is not read by anyone). */
export const HEX_LIMIT = 64 * 1024;

export function formatBody(body: RecordedBody | undefined): FormattedBody {
  if (body === undefined || body.size === 0) return { kind: "empty", pretty: "", raw: "", notes: [] };
  const notes: string[] = [];
  if (body.comment) notes.push(body.comment);
  else if (body.truncated) notes.push("Only the first part was recorded (record-body-limit).");
  if (body.text === undefined) return { kind: "empty", pretty: "", raw: "", notes };
  if (body.encoding === "base64") {
    const bytes = fromBase64(body.text);
    if (bytes.length > HEX_LIMIT) notes.push(`Showing the first ${HEX_LIMIT} of ${bytes.length} bytes.`);
    const dump = hexDump(bytes.subarray(0, HEX_LIMIT));
    return { kind: "binary", pretty: dump, raw: dump, notes };
  }
  const text = body.text;
  const mime = body.mimeType.toLowerCase();
  if (/[/+]json\b|^application\/x-ndjson/.test(mime) || (mime === "" && /^\s*[[{]/.test(text))) {
    const pretty = prettyJson(text);
    if (pretty !== undefined) return { kind: "json", pretty, raw: text, notes };
  }
  if (mime.startsWith("application/x-www-form-urlencoded")) {
    return { kind: "form", pretty: prettyForm(text), raw: text, notes };
  }
  if (/[/+]xml\b/.test(mime) || (/^text\/html/.test(mime) === false && /^\s*<\?xml/.test(text))) {
    return { kind: "xml", pretty: prettyXml(text), raw: text, notes };
  }
  return { kind: "text", pretty: text, raw: text, notes };
}

/** JSON indented by two spaces; NDJSON line by line; undefined when it is not JSON (truncated). */
export function prettyJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    const lines = text.split("\n").filter((line) => line.trim() !== "");
    if (lines.length < 2) return undefined;
    try {
      return lines.map((line) => JSON.stringify(JSON.parse(line), null, 2)).join("\n");
    } catch {
      return undefined;
    }
  }
}

/** One "name = value" line per field, decoded (a malformed escape is shown as sent). */
export function prettyForm(text: string): string {
  return text
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = eq === -1 ? pair : pair.slice(0, eq);
      const value = eq === -1 ? "" : pair.slice(eq + 1);
      return `${decodeForm(name)} = ${decodeForm(value)}`;
    })
    .join("\n");
}

function decodeForm(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return text;
  }
}

/**
 * XML indented by two spaces per level, from its tags as text (no parser: a truncated or
 * broken document still shows, and nothing in it is ever interpreted).
 */
export function prettyXml(text: string): string {
  const tokens = text.match(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>?|[^<]+/g) ?? [];
  const lines: string[] = [];
  let depth = 0;
  const push = (line: string) => lines.push(`${"  ".repeat(Math.max(0, depth))}${line}`);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (!token.startsWith("<")) {
      const content = token.trim();
      if (content !== "") push(content);
      continue;
    }
    const closing = token.startsWith("</");
    const selfClosing = token.endsWith("/>") || /^<[?!]/.test(token);
    if (closing) {
      depth--;
      push(token);
      continue;
    }
    // <a>text</a> stays on one line.
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (!selfClosing && next !== undefined && !next.startsWith("<") && after?.startsWith("</")) {
      push(`${token}${next.trim()}${after}`);
      i += 2;
      continue;
    }
    push(token);
    if (!selfClosing) depth++;
  }
  return lines.join("\n");
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** "00000000  48 65 6c 6c 6f 0a ...  |Hello.|", 16 bytes a line. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16);
    let hex = "";
    let ascii = "";
    for (let i = 0; i < 16; i++) {
      const b = row[i];
      hex += b === undefined ? "   " : `${b.toString(16).padStart(2, "0")} `;
      if (i === 7) hex += " ";
      if (b !== undefined) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".";
    }
    lines.push(`${offset.toString(16).padStart(8, "0")}  ${hex} |${ascii}|`);
  }
  return lines.join("\n");
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "2xx" ... "5xx", or "none" for no response. */
export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "none";
}

/** HH:MM:SS.mmm in the viewer's time zone. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, "0")}`;
}

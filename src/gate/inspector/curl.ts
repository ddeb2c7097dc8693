/**
 * Copy as curl: a command that sends a recorded request again, built from the redacted HAR
 * entry, so it can hold no secret the recording does not. It never carries the preview's
 * credentials: Authorization, Proxy-Authorization and Cookie are left out whatever their
 * value (recordings redact them anyway), and `-H "$PREVIEW_AUTH_HEADER"` stands in for
 * them, to be set by whoever runs it. Redacted values and the signature headers of webhook
 * deliveries are left out too, with a comment saying so. Every word is shell-quoted; values
 * with control characters (ANSI escapes) use $'...' with \xHH escapes, so pasting the command
 * into a terminal cannot emit them.
 */

import { SIGNATURE_HEADERS } from "../../webhooks/index.js";
import type { HarEntry } from "../har.js";
import { REDACTED } from "../redact.js";
import { REPLAY_HEADER } from "./tickets.js";

export const AUTH_PLACEHOLDER = "PREVIEW_AUTH_HEADER";

const CREDENTIALS = new Set(["authorization", "proxy-authorization", "cookie"]);
/** Set by curl from the URL and body, or hop-by-hop, or the gate's own. */
const LEFT_OUT = new Set([
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "proxy-connection",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
  REPLAY_HEADER,
]);

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** One shell word: '...' when printable, $'...' with escapes when it holds control characters. */
export function shellQuote(text: string): string {
  if (!CONTROL.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
  let out = "$'";
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === "\\" || ch === "'") out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}'`;
}

export function curlCommand(entry: HarEntry, id: number): string {
  const request = entry.request;
  const lines: string[] = [
    `# ${request.method} request #${id} of the preview. Set ${AUTH_PLACEHOLDER} to your credentials first, e.g.`,
    `#   export ${AUTH_PLACEHOLDER}='Authorization: Basic <base64 of user:password>'`,
  ];
  const left: string[] = [];
  const args: string[] = [];
  for (const { name, value } of request.headers) {
    const lower = name.toLowerCase();
    if (CREDENTIALS.has(lower) || LEFT_OUT.has(lower)) continue;
    if (SIGNATURE_HEADERS.has(lower) || value === REDACTED) {
      if (!left.includes(name)) left.push(name);
      continue;
    }
    args.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (left.length > 0) {
    lines.push(
      `# Left out (the recording keeps no signatures or secrets): ${left.join(", ")}. The inspector's Replay signs webhook deliveries again.`,
    );
  }
  const post = request.postData;
  let pipe = "";
  let data: string | undefined;
  if (post !== undefined && request.bodySize > 0) {
    if (post._truncated)
      lines.push("# The body was recorded only in part (record-body-limit): this sends that part.");
    if (post._encoding === "base64") {
      pipe = `printf %s ${shellQuote(post.text)} | base64 -d | `;
      data = "--data-binary @-";
    } else {
      data = `--data-binary ${shellQuote(post.text)}`;
    }
  }
  const command = [
    `${pipe}curl -sS -X ${shellQuote(request.method)} ${shellQuote(request.url)}`,
    `-H "$${AUTH_PLACEHOLDER}"`,
    ...args,
    ...(data === undefined ? [] : [data]),
  ];
  lines.push(command.join(" \\\n  "));
  return `${lines.join("\n")}\n`;
}

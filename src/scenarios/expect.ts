/** A response against a scenario's expectations: every mismatch, as expected vs actual. */
import { statusAccepted } from "../util/parse.js";
import { jsonEqual, MISSING, valueAt } from "./json-path.js";
import type { Mismatch } from "./mismatch.js";
import { render, type TemplateVars } from "./template.js";
import type { Expectations } from "./types.js";

export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly latencyMs: number;
}

/** Characters of the response shown in reports. */
export const EXCERPT_CHARS = 500;

/** Bytes of a response redacted before its excerpt is cut: many more than the excerpt can show. */
const REDACTED_PREFIX_BYTES = 64 * 1024;

/** The start of a response for reports, with `redact` applied before it is cut. */
export function excerpt(body: Buffer, redact: (text: string) => string = (text) => text): string {
  const text = redact(body.subarray(0, REDACTED_PREFIX_BYTES).toString("utf8"));
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(", ") : value;
}

export function checkReply(expect: Expectations, reply: Reply, vars: TemplateVars): Mismatch[] {
  const out: Mismatch[] = [];
  if (!statusAccepted(expect.status, reply.status)) {
    out.push({ what: "status", expected: expect.statusText, actual: String(reply.status) });
  }
  const text = reply.body.toString("utf8");
  for (const raw of expect.bodyContains) {
    const wanted = render(raw, vars);
    if (!text.includes(wanted)) {
      out.push({
        what: "body contains",
        expected: JSON.stringify(wanted),
        actual: JSON.stringify(excerpt(reply.body, vars.redact)),
      });
    }
  }
  if (expect.json.length > 0) {
    let parsed: unknown = MISSING;
    try {
      parsed = JSON.parse(text);
    } catch {
      // reported per expectation below
    }
    for (const j of expect.json) {
      const expected = JSON.stringify(j.value);
      if (parsed === MISSING) {
        out.push({ what: `JSON ${j.path}`, expected, actual: "the body is not JSON" });
        continue;
      }
      const actual = valueAt(parsed, j.steps);
      if (actual === MISSING) out.push({ what: `JSON ${j.path}`, expected, actual: "(no such value)" });
      else if (!jsonEqual(actual, j.value))
        out.push({ what: `JSON ${j.path}`, expected, actual: JSON.stringify(actual) });
    }
  }
  for (const [name, wanted] of expect.headers) {
    const value = headerText(reply.headers[name]);
    if (wanted === true && value === undefined)
      out.push({ what: `header ${name}`, expected: "present", actual: "absent" });
    else if (wanted === false && value !== undefined) {
      out.push({ what: `header ${name}`, expected: "absent", actual: JSON.stringify(value) });
    } else if (typeof wanted === "string") {
      const needle = render(wanted, vars);
      if (value === undefined || !value.toLowerCase().includes(needle.toLowerCase())) {
        out.push({
          what: `header ${name}`,
          expected: `contains ${JSON.stringify(needle)}`,
          actual: value === undefined ? "absent" : JSON.stringify(value),
        });
      }
    }
  }
  if (expect.maxLatencyMs !== undefined && reply.latencyMs > expect.maxLatencyMs) {
    out.push({
      what: "latency",
      expected: `at most ${expect.maxLatencyMs} ms`,
      actual: `${Math.round(reply.latencyMs)} ms`,
    });
  }
  return out;
}

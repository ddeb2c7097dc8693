/**
 * The filter box: words, all of which must match. `POST` (any HTTP method) matches the
 * method, `4xx` a status class, `404` a status, `/hooks` a path prefix, `key:value` a field
 * (method:, status:, path:, client:, webhook:, service:), anything else any of the shown
 * text (path, status, client, verifier, service, note), ignoring case. Pure: tested in node.
 */
import type { ExchangeSummary } from "../protocol.js";
import { statusClass } from "./format.js";

export type Predicate = (summary: ExchangeSummary) => boolean;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"]);

function statusTest(value: string): Predicate | undefined {
  const v = value.toLowerCase();
  if (/^[1-5]xx$/.test(v)) return (s) => statusClass(s.status) === v;
  if (/^\d{3}$/.test(v)) return (s) => s.status === Number(v);
  if (v === "none" || v === "0") return (s) => s.status === 0;
  return undefined;
}

function text(summary: ExchangeSummary): string {
  const w = summary.webhook;
  return [
    summary.method,
    summary.path,
    String(summary.status),
    summary.client ?? "",
    w ? `${w.provider} ${w.ok ? "verified" : "rejected"} ${w.reason ?? ""}` : "",
    summary.service ?? "",
    summary.note ?? "",
  ]
    .join(" ")
    .toLowerCase();
}

function word(raw: string): Predicate {
  const colon = raw.indexOf(":");
  if (colon > 0) {
    const key = raw.slice(0, colon).toLowerCase();
    const value = raw.slice(colon + 1);
    const lower = value.toLowerCase();
    switch (key) {
      case "method":
        return (s) => s.method.toLowerCase() === lower;
      case "status":
        return statusTest(value) ?? (() => false);
      case "path":
        return (s) => s.path.toLowerCase().includes(lower);
      case "client":
        return (s) => (s.client ?? "").toLowerCase().includes(lower);
      case "webhook":
        return (s) =>
          s.webhook !== undefined &&
          (lower === "" ||
            s.webhook.provider === lower ||
            (lower === "ok" && s.webhook.ok) ||
            (lower === "failed" && !s.webhook.ok));
      case "service":
        return (s) => (s.service ?? "").toLowerCase() === lower;
    }
  }
  if (METHODS.has(raw.toUpperCase())) return (s) => s.method.toUpperCase() === raw.toUpperCase();
  const status = statusTest(raw);
  if (status) return status;
  const lower = raw.toLowerCase();
  if (raw.startsWith("/")) return (s) => s.path.toLowerCase().startsWith(lower);
  return (s) => text(s).includes(lower);
}

/** A predicate for the filter box's text and the chosen status class ("" for all). */
export function parseFilter(query: string, classChoice = ""): Predicate {
  const tests = query
    .split(/\s+/)
    .filter((w) => w !== "")
    .map(word);
  if (classChoice !== "") tests.push((s) => statusClass(s.status) === classChoice);
  return (s) => tests.every((test) => test(s));
}

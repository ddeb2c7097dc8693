import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  external_exports
} from "./chunk-D6DGZTI2.js";

// src/relay/status.ts
var STATUS_SCHEMA_VERSION = 1;
var STATUS_FILE = "status.json";
var STATUS_MAX_BYTES = 16 * 1024;
var STATUS_ARTIFACT_PREFIX = "preview-tunnel-status-";
var SEQUENCE_MAX = 9999;
var URL_MAX = 2048;
var COUNT_MAX = 1e6;
var PHASE_MS_MAX = 7 * 24 * 3600 * 1e3;
var STATUS_STATES = ["starting", "live", "tests", "failed", "stopped", "cancelled"];
var STATUS_PROVIDERS = ["ngrok", "cloudflared", "ssh", "local"];
var KEY = /^(?!.*--)[A-Za-z0-9._-]{1,64}$/;
function isCleanHttpsUrl(raw) {
  if (raw.length > URL_MAX || /[?#]/.test(raw)) return false;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && url.username === "" && url.password === "" && url.href === raw;
  } catch {
    return false;
  }
}
var count = external_exports.int().min(0).max(COUNT_MAX);
var time = external_exports.iso.datetime({ offset: false });
var relayStatusSchema = external_exports.strictObject({
  schema: external_exports.literal(STATUS_SCHEMA_VERSION),
  /** Also in the artifact's name; the newest status has the highest. */
  sequence: external_exports.int().min(1).max(SEQUENCE_MAX),
  status: external_exports.enum(STATUS_STATES),
  url: external_exports.string().refine(isCleanHttpsUrl, "must be an https URL without user name, password, query or fragment").optional(),
  provider: external_exports.enum(STATUS_PROVIDERS).optional(),
  /** Test command and scenarios together, as the comment shows them. */
  tests: external_exports.strictObject({ passed: count, total: count }).refine((t) => t.passed <= t.total, "passed must not exceed total").optional(),
  scenarios: external_exports.strictObject({ passed: count, failed: count }).optional(),
  /** When each status was first reached (UTC). */
  times: external_exports.strictObject({
    started: time.optional(),
    live: time.optional(),
    tests: time.optional(),
    ended: time.optional()
  }).optional(),
  /** How long each phase of the run took, in ms (names as the job summary shows them). */
  phases: external_exports.record(external_exports.string().regex(/^[a-z][a-z-]{0,23}$/), external_exports.int().min(0).max(PHASE_MS_MAX)).refine((p) => Object.keys(p).length <= 16, "at most 16 phases").optional(),
  /**
   * What the preview job saw in its own event. The relay takes the pull request and commit
   * from the workflow_run event only; these are compared with it, never used.
   */
  pullRequest: external_exports.int().min(1).max(1e9).optional(),
  headSha: external_exports.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/).optional()
}).refine((s) => s.status !== "tests" || s.tests !== void 0, {
  message: 'status "tests" needs the tests counts',
  path: ["tests"]
});
function serializeStatus(status) {
  const json = JSON.stringify(relayStatusSchema.parse(status));
  if (Buffer.byteLength(json) > STATUS_MAX_BYTES) {
    throw new Error(`the status is ${Buffer.byteLength(json)} bytes, more than ${STATUS_MAX_BYTES}`);
  }
  return json;
}
function statusUrl(raw) {
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:") return void 0;
    const clean = `${url.origin}${url.pathname}`;
    return isCleanHttpsUrl(clean) ? clean : void 0;
  } catch {
    return void 0;
  }
}
function statusArtifactName(key, attempt, sequence) {
  if (!KEY.test(key)) throw new Error(`not a valid comment key for an artifact name: ${JSON.stringify(key)}`);
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`not a run attempt: ${attempt}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > SEQUENCE_MAX) {
    throw new Error(`sequence out of range: ${sequence}`);
  }
  return `${statusArtifactPrefix(key, attempt)}${String(sequence).padStart(4, "0")}`;
}
function statusArtifactPrefix(key, attempt) {
  return `${STATUS_ARTIFACT_PREFIX}${key}-a${attempt}-`;
}
function statusSequenceOf(name, key, attempt) {
  const prefix = statusArtifactPrefix(key, attempt);
  if (!name.startsWith(prefix)) return void 0;
  const rest = name.slice(prefix.length);
  if (!/^\d{4}$/.test(rest)) return void 0;
  const sequence = Number(rest);
  return sequence >= 1 ? sequence : void 0;
}

export {
  STATUS_SCHEMA_VERSION,
  STATUS_FILE,
  SEQUENCE_MAX,
  STATUS_PROVIDERS,
  relayStatusSchema,
  serializeStatus,
  statusUrl,
  statusArtifactName,
  statusSequenceOf
};

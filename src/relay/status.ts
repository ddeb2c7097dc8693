/**
 * The status artifact: what a preview job that cannot publish (a pull request from a fork, a
 * read-only token) tells the relay workflow, which can. The fork's code writes it, so the relay
 * reads it with this same schema and trusts nothing beyond it.
 *
 * No credential can get in: the fields are a closed set (unknown keys are refused on both
 * sides), each an enum, a number, a timestamp, a hex SHA or an https URL without user name,
 * password, query or fragment. There is no free text field where a password, a token or a
 * one-click sign-in link could go.
 */
import { z } from "zod";

export const STATUS_SCHEMA_VERSION = 1;
/** The one file inside the artifact. */
export const STATUS_FILE = "status.json";
/** Largest status file written or read; a real one is a few hundred bytes. */
export const STATUS_MAX_BYTES = 16 * 1024;
export const STATUS_ARTIFACT_PREFIX = "preview-tunnel-status-";
/** Artifact names carry the sequence number in four digits. */
export const SEQUENCE_MAX = 9999;
const URL_MAX = 2048;
const COUNT_MAX = 1_000_000;
/** A week in ms: longer phases are not a preview's. */
const PHASE_MS_MAX = 7 * 24 * 3600 * 1000;

export const STATUS_STATES = ["starting", "live", "tests", "failed", "stopped", "cancelled"] as const;
export type StatusState = (typeof STATUS_STATES)[number];
export const STATUS_PROVIDERS = ["ngrok", "cloudflared", "ssh", "local"] as const;
export type StatusProvider = (typeof STATUS_PROVIDERS)[number];

/** The comment key's own rule (config/github-parse.ts): also safe in an artifact name. */
const KEY = /^(?!.*--)[A-Za-z0-9._-]{1,64}$/;

/**
 * An https URL in its normalized form with nothing that could carry a credential. Requiring
 * the normalized form (what `new URL().href` gives) also rules out whitespace, backslashes and
 * other tricks a browser would silently repair.
 */
export function isCleanHttpsUrl(raw: string): boolean {
  if (raw.length > URL_MAX || /[?#]/.test(raw)) return false;
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && url.username === "" && url.password === "" && url.href === raw;
  } catch {
    return false;
  }
}

const count = z.int().min(0).max(COUNT_MAX);
const time = z.iso.datetime({ offset: false });

export const relayStatusSchema = z
  .strictObject({
    schema: z.literal(STATUS_SCHEMA_VERSION),
    /** Also in the artifact's name; the newest status has the highest. */
    sequence: z.int().min(1).max(SEQUENCE_MAX),
    status: z.enum(STATUS_STATES),
    url: z
      .string()
      .refine(isCleanHttpsUrl, "must be an https URL without user name, password, query or fragment")
      .optional(),
    provider: z.enum(STATUS_PROVIDERS).optional(),
    /** Test command and scenarios together, as the comment shows them. */
    tests: z
      .strictObject({ passed: count, total: count })
      .refine((t) => t.passed <= t.total, "passed must not exceed total")
      .optional(),
    scenarios: z.strictObject({ passed: count, failed: count }).optional(),
    /** When each status was first reached (UTC). */
    times: z
      .strictObject({
        started: time.optional(),
        live: time.optional(),
        tests: time.optional(),
        ended: time.optional(),
      })
      .optional(),
    /** How long each phase of the run took, in ms (names as the job summary shows them). */
    phases: z
      .record(z.string().regex(/^[a-z][a-z-]{0,23}$/), z.int().min(0).max(PHASE_MS_MAX))
      .refine((p) => Object.keys(p).length <= 16, "at most 16 phases")
      .optional(),
    /**
     * What the preview job saw in its own event. The relay takes the pull request and commit
     * from the workflow_run event only; these are compared with it, never used.
     */
    pullRequest: z.int().min(1).max(1_000_000_000).optional(),
    headSha: z
      .string()
      .regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/)
      .optional(),
  })
  .refine((s) => s.status !== "tests" || s.tests !== undefined, {
    message: 'status "tests" needs the tests counts',
    path: ["tests"],
  });

export type RelayStatus = z.infer<typeof relayStatusSchema>;
/** A status before the uploader numbers it. */
export type StatusReport = Omit<RelayStatus, "schema" | "sequence">;

/** The status as the file's JSON; throws on anything the schema does not allow. */
export function serializeStatus(status: RelayStatus): string {
  const json = JSON.stringify(relayStatusSchema.parse(status));
  if (Buffer.byteLength(json) > STATUS_MAX_BYTES) {
    throw new Error(`the status is ${Buffer.byteLength(json)} bytes, more than ${STATUS_MAX_BYTES}`);
  }
  return json;
}

/**
 * The URL as the status may carry it: https, without user name, password, query or fragment
 * (they could hold a credential; a preview's address needs none of them). undefined for
 * anything else, e.g. the `local` provider's http://127.0.0.1 address.
 */
export function statusUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:") return undefined;
    const clean = `${url.origin}${url.pathname}`;
    return isCleanHttpsUrl(clean) ? clean : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `preview-tunnel-status-<key>-a<attempt>-<sequence>`. Artifact names are unique per workflow
 * run (a second upload under the same name is refused with 409, re-runs included), so each
 * status gets a new name: the attempt keeps re-runs apart, the sequence orders the uploads.
 */
export function statusArtifactName(key: string, attempt: number, sequence: number): string {
  if (!KEY.test(key)) throw new Error(`not a valid comment key for an artifact name: ${JSON.stringify(key)}`);
  if (!Number.isInteger(attempt) || attempt < 1) throw new Error(`not a run attempt: ${attempt}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > SEQUENCE_MAX) {
    throw new Error(`sequence out of range: ${sequence}`);
  }
  return `${statusArtifactPrefix(key, attempt)}${String(sequence).padStart(4, "0")}`;
}

export function statusArtifactPrefix(key: string, attempt: number): string {
  return `${STATUS_ARTIFACT_PREFIX}${key}-a${attempt}-`;
}

/** The sequence number of a status artifact of this key and attempt; undefined for any other name. */
export function statusSequenceOf(name: string, key: string, attempt: number): number | undefined {
  const prefix = statusArtifactPrefix(key, attempt);
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  if (!/^\d{4}$/.test(rest)) return undefined;
  const sequence = Number(rest);
  return sequence >= 1 ? sequence : undefined;
}

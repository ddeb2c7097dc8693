/**
 * The `oauth:` mapping of a scenario: a login through the preview's own identity provider,
 * driven like a browser. Self-contained (no import of ../schema.ts, which imports this).
 * Rules spanning fields (one negative case at a time, `user` unless `deny`) live in build.ts.
 */
import * as z from "zod";

const STATUS_PART = "(?:[1-5]xx|[1-5]\\d\\d(?:\\s*-\\s*[1-5]\\d\\d)?)";
const STATUS_TEXT = new RegExp(`^\\s*${STATUS_PART}(?:\\s*,\\s*${STATUS_PART})*\\s*$`, "i");
const STATUS_HELP =
  'an HTTP status (200), a class ("2xx"), a range ("200-299"), a comma list ("200, 204") or a YAML list of these ([200, 202])';

const statusItem = z.union(
  [
    z.int({ error: "must be an HTTP status from 100 to 599" }).min(100).max(599),
    z.string().regex(STATUS_TEXT, { error: `must be ${STATUS_HELP}` }),
  ],
  { error: `must be ${STATUS_HELP}` },
);
const status = (what: string) =>
  z
    .union([statusItem, z.array(statusItem).min(1)], { error: `must be ${STATUS_HELP}` })
    .meta({ description: `${what}: ${STATUS_HELP}.` });

const appPath = (what: string, example: string) =>
  z
    .string({ error: `must be a path starting with "/", e.g. ${example}` })
    .regex(/^\/[^\s#]*$/, {
      error: `must be a path starting with "/" without spaces or "#", e.g. ${example}`,
    })
    .meta({ description: what });

const flag = (what: string) => z.boolean({ error: "must be true or false" }).meta({ description: what });

export const oauthSchema = z
  .strictObject({
    start: appPath(
      'Path on the preview that starts the login (it must redirect to the identity provider\'s /authorize). Default "/login".',
      "/login",
    ).optional(),
    user: z
      .string({ error: "must be the sub or email of a test user (idp-users), e.g. alice" })
      .min(1, { error: "must be the sub or email of a test user (idp-users), e.g. alice" })
      .meta({ description: "The test user to sign in as (sub or email): sent as login_hint." })
      .optional(),
    check: appPath(
      "Path requested after the callback, with the session's cookies; `expect` checks its response (e.g. /me).",
      "/me",
    ).optional(),
    "redirect-path": appPath(
      "The path the redirect_uri must have (its origin must be the public URL's in any case), e.g. /auth/callback.",
      "/auth/callback",
    ).optional(),
    "callback-status": status(
      'Accepted status of the app\'s callback response. Default "2xx, 3xx"; "4xx" with deny or tamper-state',
    ).optional(),
    deny: flag(
      "Refuse consent (login_hint=deny): the provider redirects back with error=access_denied; the app must not sign anyone in.",
    ).optional(),
    "replay-callback": flag(
      "After a successful login, send the same callback again: the app must refuse it (replay-status).",
    ).optional(),
    "replay-status": status('Accepted status of the replayed callback. Default "4xx"').optional(),
    "tamper-state": flag(
      "Change the state in the provider's redirect before the app sees it: the app must refuse the callback.",
    ).optional(),
    browser: flag(
      "Drive a real headless Chromium (browser-path) through the login page: click the user's button (or Deny), and save a screenshot of the last page next to the HAR. With user or deny, not replay-callback or tamper-state.",
    ).optional(),
  })
  .meta({
    description:
      "An OAuth/OIDC login through the preview's identity provider (<preview URL>/__preview/idp): scripted with a cookie jar like a browser, or in a real headless Chromium (browser: true).",
  });

export type OAuthInput = z.infer<typeof oauthSchema>;

/** Keys of a scenario that only webhook scenarios take. */
export const WEBHOOK_ONLY_KEYS = [
  "provider",
  "event",
  "path",
  "method",
  "body",
  "content-type",
  "headers",
  "secret-env",
  "public-key-env",
  "expect-rejected",
  "repeat",
  "concurrency",
  "timestamp-offset",
  "tamper",
  "send-auth",
  "duplicate",
  "expect-duplicate",
  "retry",
  "events",
  "order",
  "seed",
  "override",
  "capture",
  "then",
] as const;

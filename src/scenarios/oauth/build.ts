/**
 * One schema-valid scenario with `oauth:` -> a Scenario with its login flow, checking the
 * rules that span fields: no webhook fields, one refusal at a time, a user unless consent is
 * denied, `expect` only with a `check` path, statuses and JSON paths that parse, and in a
 * browser only what a browser does (sign in or deny).
 */

import { InputError } from "../../errors.js";
import { parseDuration, parsePositiveDuration, parseStatusRanges } from "../../util/parse.js";
import type { FileContext } from "../file-context.js";
import { parseJsonPath } from "../json-path.js";
import { locate, position } from "../locate.js";
import type { ScenarioInput } from "../schema.js";
import { badPlaceholder } from "../template.js";
import type { Expectations, JsonExpectation, Scenario } from "../types.js";
import { WEBHOOK_ONLY_KEYS } from "./schema.js";
import type { OAuthNegative, Statuses } from "./types.js";

export const NEGATIVES: readonly OAuthNegative[] = ["deny", "replay-callback", "tamper-state"];

/** Defaults: a login goes through (2xx/3xx callback, 2xx check); a refusal gets 4xx and no session. */
export const DEFAULT_CALLBACK_STATUS = "2xx, 3xx";
export const DEFAULT_REFUSED_CALLBACK_STATUS = "4xx";
export const DEFAULT_REPLAY_STATUS = "4xx";
export const DEFAULT_CHECK_STATUS = "2xx";
export const DEFAULT_NO_SESSION_STATUS = "401, 403";

type Status = NonNullable<NonNullable<ScenarioInput["expect"]>["status"]>;

export function buildOAuthScenario(
  ctx: FileContext,
  base: readonly PropertyKey[],
  input: ScenarioInput,
): Scenario | undefined {
  const before = ctx.problems.length;
  const add = (relative: readonly PropertyKey[], message: string, at: "value" | "key" | "missing") =>
    ctx.add([...base, ...relative], message, at);
  const oauth = input.oauth ?? {};

  for (const key of WEBHOOK_ONLY_KEYS) {
    if (input[key] !== undefined) {
      add(
        [key],
        "is for webhook scenarios; an OAuth scenario (one with oauth:) takes name, oauth, expect and timeout",
        "key",
      );
    }
  }

  const set = NEGATIVES.filter((n) => oauth[n] === true);
  if (set.length > 1) {
    for (const extra of set.slice(1)) {
      add(
        ["oauth", extra],
        `conflicts with ${set[0]}: an OAuth scenario checks one refusal at a time; write one scenario for each`,
        "key",
      );
    }
  }
  const negative = set[0];
  const refused = negative === "deny" || negative === "tamper-state";

  if (negative === "deny" && oauth.user !== undefined) {
    add(
      ["oauth", "user"],
      "has no effect with deny: true (consent is refused, nobody signs in); remove it",
      "key",
    );
  }
  if (negative !== "deny" && oauth.user === undefined) {
    add(
      ["oauth", "user"],
      "is missing: name the test user to sign in as (a sub or email of idp-users), e.g. user: alice; or refuse consent with deny: true",
      "missing",
    );
  }
  if (oauth.browser === true && (negative === "replay-callback" || negative === "tamper-state")) {
    add(
      ["oauth", negative],
      "is checked by the scripted login only: a browser scenario signs in as user or denies consent; remove browser: true, or write a separate scenario for this check",
      "key",
    );
  }
  if (oauth["replay-status"] !== undefined && negative !== "replay-callback") {
    add(["oauth", "replay-status"], "has no effect without replay-callback: true", "key");
  }
  if (input.expect !== undefined && oauth.check === undefined) {
    add(
      ["expect"],
      "needs oauth.check: the path whose response it checks after the login, e.g. check: /me",
      "key",
    );
  }

  const statuses = (where: readonly PropertyKey[], value: Status | undefined, fallback: string) => {
    const text = value === undefined ? fallback : (Array.isArray(value) ? value : [value]).join(", ");
    try {
      return { ranges: parseStatusRanges(where.join("."), text), text } satisfies Statuses;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      add(where, "must be HTTP statuses with ranges from low to high, e.g. 200-299", "value");
      return undefined;
    }
  };
  const callbackStatus = statuses(
    ["oauth", "callback-status"],
    oauth["callback-status"],
    refused ? DEFAULT_REFUSED_CALLBACK_STATUS : DEFAULT_CALLBACK_STATUS,
  );
  const replayStatus = statuses(["oauth", "replay-status"], oauth["replay-status"], DEFAULT_REPLAY_STATUS);

  const expect = input.expect ?? {};
  const checkStatus = statuses(
    ["expect", "status"],
    expect.status,
    refused ? DEFAULT_NO_SESSION_STATUS : DEFAULT_CHECK_STATUS,
  );
  const json: JsonExpectation[] = [];
  for (const [jsonPath, value] of Object.entries(expect.json ?? {})) {
    const steps = parseJsonPath(jsonPath);
    if (steps === undefined) {
      add(
        ["expect", "json", jsonPath],
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.sub',
        "key",
      );
    } else json.push({ path: jsonPath, steps, value });
  }
  const contains = expect["body-contains"];
  const bodyContains = contains === undefined ? [] : Array.isArray(contains) ? contains : [contains];
  for (const text of bodyContains) {
    const bad = badPlaceholder(text);
    if (bad !== undefined) {
      add(
        ["expect", "body-contains"],
        `uses the placeholder ${bad}; placeholders are \${env.NAME} and \${preview.url} ($\${ writes a literal \${)`,
        "value",
      );
    }
  }

  const source = position(locate(ctx.doc, base).node, ctx.lines);
  if (ctx.problems.length > before || !callbackStatus || !replayStatus || !checkStatus) return undefined;
  const expectations: Expectations = {
    status: checkStatus.ranges,
    statusText: checkStatus.text,
    bodyContains,
    json,
    headers: Object.entries(expect.headers ?? {}).map(
      ([name, value]) => [name.toLowerCase(), value] as const,
    ),
    maxLatencyMs:
      expect["max-latency"] === undefined ? undefined : parseDuration("max-latency", expect["max-latency"]),
  };
  const start = oauth.start ?? "/login";
  return {
    oauth: {
      start,
      user: negative === "deny" ? undefined : oauth.user,
      negative,
      check: oauth.check,
      redirectPath: oauth["redirect-path"],
      callbackStatus,
      replayStatus,
      browser: oauth.browser === true,
    },
    name: input.name,
    expect: expectations,
    timeoutMs: input.timeout === undefined ? undefined : parsePositiveDuration("timeout", input.timeout),
    source: { file: ctx.options.file, ...source },
    // Inert: the webhook fields of a Scenario, unused by OAuth scenarios.
    provider: "github",
    event: undefined,
    path: start,
    method: "POST",
    body: { kind: "text", text: "" },
    example: undefined,
    contentType: "text/plain",
    headers: [],
    secretEnv: undefined,
    publicKeyEnv: undefined,
    expectRejected: false,
    repeat: 1,
    concurrency: 1,
    timestampOffsetSeconds: 0,
    tamper: false,
    sendAuth: false,
  };
}

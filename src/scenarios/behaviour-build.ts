// biome-ignore-all lint/suspicious/noTemplateCurlyInString: messages show the scenario placeholders
/**
 * Load-time rules of what a delivery does beyond one send (a list of `events` in an `order`,
 * `duplicate`, `retry`, `override`) and of what is checked after it (`capture`, `then`), and
 * of `expect-deliveries` scenarios. Every problem is reported at its field, with its line,
 * before anything runs; every loop the runner will make is bounded here (retry waits,
 * `eventually`).
 */
import { parseDuration, parseStatusRanges } from "../util/parse.js";
import { type AddProblem, buildExpectations, expectTexts } from "./build-expect.js";
import { closest } from "./issues.js";
import { MISSING, parseJsonPath, valueAt } from "./json-path.js";
import { newSeed } from "./order.js";
import { applyOverrides, missingPath } from "./override.js";
import { githubEventOf } from "./payloads/github-catalog.js";
import { GITHUB_EVENTS, githubExamplesOf, isGithubEvent } from "./payloads/github-events.js";
import { exampleFor, exampleNames, findExample } from "./payloads/index.js";
import { compressFactor, retryPlan } from "./retry.js";
import type { ScenarioInput } from "./schema.js";
import type { ScenarioProvider } from "./signers/index.js";
import { badPlaceholder } from "./template.js";
import type {
  BodyTemplate,
  Capture,
  DeliveryBehaviour,
  EventUnit,
  ExpectDeliveries,
  FollowUp,
  FollowUpRequest,
} from "./types.js";

export interface BuildContext {
  /** Reports a problem at a field of the scenario. */
  readonly add: AddProblem;
  /** The line a field of the scenario is written on. */
  readonly lineOf: (relative: readonly PropertyKey[]) => number;
  readonly input: ScenarioInput;
  readonly provider: ScenarioProvider;
}

/** Longest `eventually` of a then request. */
export const MAX_EVENTUALLY_MS = 10 * 60_000;
/** Default and longest `within` of expect-deliveries. */
export const DEFAULT_DELIVERIES_WITHIN_MS = 2 * 60_000;
export const MAX_DELIVERIES_WITHIN_MS = 30 * 60_000;

const NOT_JSON = Symbol("not JSON");

/** The JSON value of a body, or NOT_JSON (a form, or text that does not parse). */
export function jsonOf(template: BodyTemplate): unknown {
  if (template.kind === "json") return template.value;
  if (template.kind === "form") return NOT_JSON;
  try {
    return JSON.parse(template.text);
  } catch {
    return NOT_JSON;
  }
}

/** Why a GitHub `event` (or `event.action`) is not one, or undefined. */
export function githubEventProblem(name: string, sending = true): string | undefined {
  const event = githubEventOf(name);
  if (isGithubEvent(event)) return undefined;
  const guess = closest(event, GITHUB_EVENTS);
  const other = sending ? "; to send another X-GitHub-Event value, set it under headers" : "";
  return `is not a GitHub event${guess ? `; did you mean "${guess}"?` : ""} (GitHub's events are listed at https://docs.github.com/en/webhooks/webhook-events-and-payloads${other})`;
}

/** What a scenario without a matching example is told: the closest name, else the choices. */
export function examplesHint(provider: ScenarioProvider, name: string | undefined): string {
  const own = exampleNames(provider);
  const catalog = provider === "github" && name !== undefined ? githubExamplesOf(githubEventOf(name)) : [];
  const guess = name === undefined ? undefined : closest(name, [...own, ...catalog]);
  if (guess !== undefined) return `did you mean ${guess}?`;
  if (catalog.length > 0) return `GitHub examples of ${githubEventOf(name as string)}: ${catalog.join(", ")}`;
  if (provider === "github") {
    return `GitHub's examples are ${own.join(", ")} and the event.actions of @octokit/webhooks-examples (the JSON Schema lists them)`;
  }
  return `${provider} has: ${own.join(", ")}`;
}

/** A body with `override` applied, or undefined (problems reported at `at`). */
export function overridden(
  add: AddProblem,
  at: readonly PropertyKey[],
  template: BodyTemplate,
  overrides: Readonly<Record<string, unknown>>,
  exampleName: string | undefined,
): BodyTemplate | undefined {
  const value = jsonOf(template);
  if (value === NOT_JSON) {
    add(at, "needs a JSON body (a built-in example, json, or JSON text); this body is not JSON", "key");
    return undefined;
  }
  const pairs: [readonly (string | number)[], unknown][] = [];
  for (const [path, replacement] of Object.entries(overrides)) {
    const steps = parseJsonPath(path);
    if (steps === undefined) {
      add(
        [...at, path],
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.object.amount',
        "key",
      );
      continue;
    }
    const why = missingPath(value, steps);
    if (why !== undefined) {
      add([...at, path], `${why}${exampleName ? ` (the built-in ${exampleName} example)` : ""}`, "key");
      continue;
    }
    pairs.push([steps, replacement]);
  }
  if (pairs.length < Object.keys(overrides).length) return undefined;
  return { kind: "json", value: applyOverrides(value, pairs) };
}

/** One item of `events:` -> the delivery it makes. */
function eventUnit(
  b: BuildContext,
  at: readonly PropertyKey[],
  overrideAt: readonly PropertyKey[],
  name: string,
  override: Readonly<Record<string, unknown>> | undefined,
): EventUnit | undefined {
  const { provider } = b;
  if (provider === "github") {
    const problem = githubEventProblem(name);
    if (problem !== undefined) {
      b.add(at, problem);
      return undefined;
    }
  }
  const exampleName = exampleFor(provider, name);
  const example = exampleName === undefined ? undefined : findExample(provider, exampleName);
  if (exampleName === undefined || example === undefined) {
    b.add(at, `has no built-in ${provider} body to send; ${examplesHint(provider, name)}`);
    return undefined;
  }
  let body: BodyTemplate | undefined = { kind: "text", text: example.body };
  if (override !== undefined) {
    body = overridden(b.add, overrideAt, body, override, exampleName);
  }
  if (body === undefined) return undefined;
  return {
    event: provider === "github" ? githubEventOf(name) : (example.event ?? name),
    label: name,
    body,
    example: exampleName,
    contentType: example.contentType,
  };
}

const CONFLICTS_WITH_EVENTS: readonly [keyof ScenarioInput, string][] = [
  ["event", "name every event in events"],
  [
    "body",
    "each event sends its built-in body; change it with override in the event's item, e.g. - {event: invoice.paid, override: {$.data.object.amount_paid: 0}}",
  ],
  ["override", "give override inside an event's item, e.g. - {event: invoice.paid, override: {...}}"],
];

/** `events`, `order`, `seed`, `duplicate`, `expect-duplicate`, `retry`; undefined when none is set. */
export function buildBehaviour(b: BuildContext): DeliveryBehaviour | undefined {
  const { input, add } = b;
  const set = ["events", "order", "seed", "duplicate", "expect-duplicate", "retry"].some(
    (k) => input[k as keyof ScenarioInput] !== undefined,
  );
  if (!set) return undefined;
  let events: EventUnit[] | undefined;
  if (input.events !== undefined) {
    for (const [key, why] of CONFLICTS_WITH_EVENTS) {
      if (input[key] !== undefined) add([key], `conflicts with events: ${why}`, "key");
    }
    if ((input.repeat ?? 1) > 1)
      add(["repeat"], "conflicts with events: list an event twice to send it twice", "key");
    if ((input.concurrency ?? 1) > 1) {
      add(["concurrency"], "conflicts with events: the events are sent one after another, in order", "key");
    }
    events = input.events.flatMap((item, i) => {
      const name = typeof item === "string" ? item : item.event;
      const at = typeof item === "string" ? ["events", i] : ["events", i, "event"];
      const override = typeof item === "string" ? undefined : item.override;
      const unit = eventUnit(b, at, ["events", i, "override"], name, override);
      return unit ? [unit] : [];
    });
  } else if (input.order !== undefined) {
    add(
      ["order"],
      "applies to a list of events: give events, e.g. events: [customer.subscription.created, customer.subscription.updated]",
      "key",
    );
  }
  const order = input.order ?? "as-listed";
  if (input.seed !== undefined && order !== "shuffled") {
    add(["seed"], "applies to order: shuffled", "key");
  }
  if (input["expect-duplicate"] !== undefined && input.duplicate !== true) {
    add(["expect-duplicate"], "applies with duplicate: true", "key");
  }
  const dup = input["expect-duplicate"];
  const expectDuplicate =
    dup === undefined || dup === "same-status"
      ? "same-status"
      : buildExpectations(add, ["expect-duplicate"], dup);
  let retry: DeliveryBehaviour["retry"];
  if (input.retry !== undefined) {
    const { schedule, compress, attempts } = input.retry;
    const waits =
      typeof schedule === "string" ? schedule : schedule.map((w) => parseDuration("retry.schedule", w));
    const plan = retryPlan(waits, compressFactor(compress), attempts);
    if ("problem" in plan) add(["retry"], plan.problem, "key");
    else retry = plan.policy;
  }
  if (expectDuplicate === undefined) return undefined;
  return {
    events,
    order,
    // Chosen now, so that the scenario (and its report) carries the seed it ran with.
    seed: order === "shuffled" ? (input.seed ?? newSeed()) : undefined,
    duplicate: input.duplicate ?? false,
    expectDuplicate,
    retry,
  };
}

const THEN_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE) (\/\S*)$/;

/** `capture` and `then`; `firstBody` is what captures from the sent body read. */
export function buildFollowUp(b: BuildContext, firstBody: BodyTemplate | undefined): FollowUp | undefined {
  const { input, add } = b;
  if (input.capture === undefined && input.then === undefined) return undefined;
  if (input.capture !== undefined && input.then === undefined) {
    add(["capture"], "is used only by then requests (as ${capture.NAME}): add then", "key");
  }
  const captures: Capture[] = [];
  const sent = firstBody === undefined ? NOT_JSON : jsonOf(firstBody);
  for (const [name, spec] of Object.entries(input.capture ?? {})) {
    const from = typeof spec === "string" || "body" in spec ? "body" : "response";
    const path = typeof spec === "string" ? spec : "body" in spec ? spec.body : spec.response;
    const at = typeof spec === "string" ? ["capture", name] : ["capture", name, from];
    const steps = parseJsonPath(path);
    if (steps === undefined) {
      add(
        at,
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.object.id',
      );
      continue;
    }
    if (from === "body") {
      if (sent === NOT_JSON) {
        add(
          at,
          "reads the sent body, which is not JSON here; capture from the response with {response: <path>}",
        );
        continue;
      }
      if (valueAt(sent, steps) === MISSING) {
        add(at, missingPath(sent, steps) as string);
        continue;
      }
    }
    captures.push({ name, from, path, steps });
  }
  const names = new Set(Object.keys(input.capture ?? {}));
  const then: FollowUpRequest[] = [];
  for (const [i, item] of (input.then ?? []).entries()) {
    const at = ["then", i];
    const [, method, path] = THEN_LINE.exec(item.request) ?? [];
    const texts: [readonly PropertyKey[], string][] = [[[...at, "request"], path ?? ""]];
    for (const [name, value] of Object.entries(item.headers ?? {}))
      texts.push([[...at, "headers", name], String(value)]);
    texts.push(...expectTexts([...at, "expect"], item.expect));
    for (const [where, text] of texts) {
      const bad = badPlaceholder(text, names);
      if (bad !== undefined) {
        add(
          where,
          bad.includes("capture.")
            ? `uses ${bad}, which capture does not define${names.size > 0 ? ` (captured: ${[...names].join(", ")})` : ""}`
            : `uses the placeholder ${bad}; placeholders are \${env.NAME}, \${preview.url} and \${capture.NAME}`,
        );
      }
    }
    const eventuallyMs =
      item.eventually === undefined ? undefined : parseDuration("eventually", item.eventually);
    if (eventuallyMs !== undefined && eventuallyMs > MAX_EVENTUALLY_MS) {
      add([...at, "eventually"], "must be at most 10m");
    }
    const expect = buildExpectations(add, [...at, "expect"], item.expect);
    if (expect === undefined || method === undefined || path === undefined) continue;
    then.push({
      method: method as FollowUpRequest["method"],
      path,
      headers: Object.entries(item.headers ?? {}).map(([k, v]) => [k, String(v)] as const),
      sendAuth: item["send-auth"] ?? true,
      eventuallyMs,
      expect,
      line: b.lineOf(at),
    });
  }
  return { captures, then };
}

/** Fields an expect-deliveries scenario cannot have (it sends nothing). */
const SENDING_KEYS: readonly (keyof ScenarioInput)[] = [
  "provider",
  "event",
  "path",
  "method",
  "body",
  "content-type",
  "headers",
  "secret-env",
  "public-key-env",
  "expect",
  "expect-rejected",
  "repeat",
  "concurrency",
  "timestamp-offset",
  "tamper",
  "send-auth",
  "timeout",
  "oauth",
  "duplicate",
  "expect-duplicate",
  "retry",
  "events",
  "order",
  "seed",
  "override",
  "capture",
  "then",
];

export function buildExpectDeliveries(add: AddProblem, input: ScenarioInput): ExpectDeliveries | undefined {
  const spec = input["expect-deliveries"];
  if (spec === undefined) return undefined;
  for (const key of SENDING_KEYS) {
    if (input[key] !== undefined) {
      add(
        [key],
        "cannot be used with expect-deliveries, which checks what GitHub itself delivered to the run's webhook (github-webhook): such a scenario has only name and expect-deliveries",
        "key",
      );
    }
  }
  const events = spec.events.flatMap((label, i) => {
    const problem = githubEventProblem(label, false);
    if (problem !== undefined) {
      add(["expect-deliveries", "events", i], problem);
      return [];
    }
    const dot = label.indexOf(".");
    return [{ event: githubEventOf(label), action: dot < 0 ? undefined : label.slice(dot + 1), label }];
  });
  const withinMs =
    spec.within === undefined ? DEFAULT_DELIVERIES_WITHIN_MS : parseDuration("within", spec.within);
  if (withinMs > MAX_DELIVERIES_WITHIN_MS) add(["expect-deliveries", "within"], "must be at most 30m");
  const items =
    spec.status === undefined ? ["2xx"] : Array.isArray(spec.status) ? spec.status : [spec.status];
  const statusText = items.join(", ");
  let status: ExpectDeliveries["status"] | undefined;
  try {
    status = parseStatusRanges("status", statusText);
  } catch {
    add(["expect-deliveries", "status"], "must be HTTP statuses with ranges from low to high, e.g. 200-299");
  }
  if (status === undefined || events.length < spec.events.length) return undefined;
  return { events, withinMs, status, statusText };
}

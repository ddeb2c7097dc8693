// biome-ignore-all lint/suspicious/noTemplateCurlyInString: descriptions show the ${capture.NAME} placeholder
/**
 * The shape of a scenario file, as a zod schema: validates files on load and is exported as
 * the JSON Schema editors complete against (`# yaml-language-server: $schema=...`). Every
 * leaf says what it accepts, so a message can name the field, the problem and the fix.
 * Rules that need more than one field (provider-specific ones) live in load.ts.
 */
import * as z from "zod";
import { MAX_DURATION_MS, MAX_DURATION_TEXT, parseDuration } from "../util/parse.js";
import { oauthSchema } from "./oauth/schema.js";
import { GITHUB_CATALOG_NAMES } from "./payloads/github-catalog-names.js";
import { GITHUB_EVENTS } from "./payloads/github-events.js";
import { exampleNames } from "./payloads/index.js";
import { SCENARIO_PROVIDERS } from "./signers/index.js";

export const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
export const SIGNED_DURATION = /^[+-]?(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const STATUS_PART = "(?:[1-5]xx|[1-5]\\d\\d(?:\\s*-\\s*[1-5]\\d\\d)?)";
export const STATUS_TEXT = new RegExp(`^\\s*${STATUS_PART}(?:\\s*,\\s*${STATUS_PART})*\\s*$`, "i");
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// RFC 9110 field-name token.
export const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

const DURATION_HELP = 'a duration: a number with a unit ms, s, m or h, e.g. "500ms", "10s", "2m"';
const STATUS_HELP =
  'an HTTP status (200), a class ("2xx"), a range ("200-299"), a comma list ("200, 204") or a YAML list of these ([200, 202])';

const msOf = (value: string) =>
  parseDuration("duration", value.replace(/^[+-]/, ""), { max: Number.POSITIVE_INFINITY });

/**
 * A duration; a bare number gets a hint to add the unit. At most MAX_DURATION_MS (a timer
 * fires at once beyond it) unless `unbounded` (an offset, no timer); above 0 when `positive`
 * (a timeout).
 */
export function duration(
  what: string,
  pattern = DURATION,
  help = DURATION_HELP,
  bounds: { readonly positive?: boolean; readonly unbounded?: boolean } = {},
) {
  const message = (input: unknown) =>
    typeof input === "number" ? `must be ${help}; add a unit, e.g. "${input}s"` : `must be ${help}`;
  return z
    .string({ error: (iss) => message(iss.input) })
    .regex(pattern, { error: (iss) => message(iss.input) })
    .refine((value) => bounds.unbounded || !pattern.test(value) || msOf(value) <= MAX_DURATION_MS, {
      error: `is too long: durations may be at most ${MAX_DURATION_TEXT}`,
    })
    .refine((value) => !bounds.positive || !pattern.test(value) || msOf(value) > 0, {
      error: 'must be longer than 0, e.g. "10s"',
    })
    .meta({ description: `${what} (${help}).` });
}

const envName = (what: string) =>
  z
    .string({ error: "must be the name of an environment variable, e.g. GITHUB_WEBHOOK_SECRET" })
    .regex(ENV_NAME, {
      error:
        "must be the name of an environment variable (letters, digits and _, not starting with a digit), e.g. GITHUB_WEBHOOK_SECRET",
    })
    .meta({ description: what });

const statusItem = z.union(
  [
    z.int({ error: "must be an HTTP status from 100 to 599" }).min(100).max(599),
    z.string().regex(STATUS_TEXT, { error: `must be ${STATUS_HELP}` }),
  ],
  { error: `must be ${STATUS_HELP}` },
);
const status = z
  .union([statusItem, z.array(statusItem).min(1)], { error: `must be ${STATUS_HELP}` })
  .meta({ description: `Accepted response status: ${STATUS_HELP}. Default "2xx".` });

const bodyContains = z
  .union([z.string(), z.array(z.string()).min(1)], {
    error: "must be a text, or a list of texts, that the response body must contain",
  })
  .meta({ description: "Text (or list of texts) the response body must contain." });

const expectSchema = z
  .strictObject({
    status: status.optional(),
    "body-contains": bodyContains.optional(),
    json: z
      .record(z.string(), z.json())
      .meta({
        description:
          'JSON paths of the response body and the values they must equal, e.g. {"$.ok": true, "$.items[0].id": 7}.',
      })
      .optional(),
    headers: z
      .record(
        z
          .string()
          .regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
        z.union([z.string(), z.boolean()], {
          error: "must be a text the header value must contain, true (present) or false (absent)",
        }),
      )
      .meta({
        description:
          "Response headers: text the value must contain (case-insensitive), true (present) or false (absent).",
      })
      .optional(),
    "max-latency": duration("Slowest acceptable response (each delivery)").optional(),
  })
  .meta({ description: "What the response must look like. Default: status 2xx." });

const formValue = z.union([z.string(), z.number(), z.boolean()], {
  error: "must be a text, a number or true/false",
});

const body = z
  .union(
    [
      z
        .string()
        .meta({ description: "The body as text; placeholders are filled in, escaped for the content type." }),
      z.strictObject({ json: z.json().meta({ description: "A value sent as JSON." }) }),
      z.strictObject({
        form: z
          .record(z.string(), formValue)
          .meta({ description: "Fields sent as application/x-www-form-urlencoded." }),
      }),
      z.strictObject({
        text: z.string({ error: "must be a text" }).meta({ description: "The body as text." }),
      }),
      z.strictObject({
        file: z
          .string({ error: "must be a file path (relative to the scenario file)" })
          .min(1, { error: "must be a file path (relative to the scenario file)" })
          .meta({ description: "A file (relative to this scenario file) whose content is the body." }),
      }),
      z.strictObject({
        example: z
          .string({ error: "must name a built-in example of the provider, e.g. push" })
          .min(1, { error: "must name a built-in example of the provider, e.g. push" })
          .meta({ description: "A built-in example payload of the provider, e.g. push, orders/create." }),
      }),
    ],
    {
      error:
        "must be the body as text, or a mapping with one of json (a value sent as JSON), form (fields), text, file (a path) or example (a built-in payload)",
    },
  )
  .meta({
    description:
      "The request body. Default: the provider's built-in example for `event` (or its first example).",
  });

const JSON_PATH_HELP = 'a JSON path: $ then .name, ["name"] or [index], e.g. $.data.object.id';

const jsonPathKey = z.string().regex(/^\$/, { error: `must be ${JSON_PATH_HELP}` });

const RETRY_SCHEDULES = ["github", "stripe", "svix", "standard-webhooks"] as const;

const retrySchema = z
  .strictObject({
    schedule: z
      .union(
        [
          z.enum(RETRY_SCHEDULES, { error: `must be one of ${RETRY_SCHEDULES.join(", ")}` }),
          z
            .array(duration("Wait before this retry"), { error: "must be a list of waits" })
            .min(1, { error: "must list at least one wait, e.g. [1s, 5s, 30s]" })
            .max(20, { error: "must list at most 20 waits" }),
        ],
        {
          error: `must be one of ${RETRY_SCHEDULES.join(", ")} (the provider's schedule) or a list of waits, e.g. [1s, 5s, 30s]`,
        },
      )
      .meta({
        description:
          "How the provider retries a delivery the app did not accept (non-2xx, no answer): github (a redelivery every 6 h, as GitHub's documented redelivery script; GitHub itself never retries), stripe (approximately: 5m, 25m, 1.5h, 2h, 4h, 8h, 8h, 24h, 24h), svix / standard-webhooks (5s, 5m, 30m, 2h, 5h, 10h, 10h), or your own list of waits.",
      }),
    compress: z
      .union(
        [
          z.string().regex(/^\d+(?:\.\d+)?x$/i, { error: 'must be a factor such as "100x"' }),
          z.number().positive({ error: 'must be a factor such as "100x"' }),
        ],
        { error: 'must be a factor such as "100x"' },
      )
      .meta({ description: 'Divide every wait by this, e.g. "100x" (5 min becomes 3 s). Default "1x".' })
      .optional(),
    attempts: z
      .int({ error: "must be a whole number from 1 to 21" })
      .min(1, { error: "must be a whole number from 1 to 21" })
      .max(21, { error: "must be a whole number from 1 to 21" })
      .meta({ description: "Most attempts in all (the first included). Default: the whole schedule." })
      .optional(),
  })
  .meta({
    description:
      "Retry a delivery the app did not accept, as the provider would; the report lists every attempt.",
  });

const overrideSchema = z.record(jsonPathKey, z.json()).meta({
  description:
    'Values to set in the built-in body before signing, by JSON path, as `stripe trigger --override` does, e.g. {"$.data.object.amount": 500}. Each path must exist in the body.',
});

const eventItem = z.union(
  [
    z.string().min(1, { error: "must name an event, e.g. customer.subscription.created" }),
    z.strictObject({
      event: z
        .string({ error: "must name an event, e.g. customer.subscription.created" })
        .min(1, { error: "must name an event" }),
      override: overrideSchema.optional(),
    }),
  ],
  { error: "must be an event name, or a mapping with event (and override)" },
);

const captureSchema = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
      error: "must be a name of letters, digits and _ (used as ${capture.NAME})",
    }),
    z.union([jsonPathKey, z.strictObject({ body: jsonPathKey }), z.strictObject({ response: jsonPathKey })], {
      error: `must be ${JSON_PATH_HELP} (in the sent body), or {body: <path>} or {response: <path>} (in the first response)`,
    }),
  )
  .meta({
    description:
      "Values used by the then requests as ${capture.NAME}: a JSON path in the sent body (or {response: path} in the app's first response).",
  });

const THEN_REQUEST = /^(GET|HEAD|POST|PUT|PATCH|DELETE) \/\S*$/;

const thenSchema = z
  .array(
    z.strictObject({
      request: z
        .string({ error: 'must be a method and a path, e.g. "GET /orders/${capture.id}"' })
        .regex(THEN_REQUEST, {
          error:
            'must be a method (GET, HEAD, POST, PUT, PATCH, DELETE) and a path starting with "/", e.g. "GET /orders/${capture.id}"',
        })
        .meta({
          description: 'A request to the preview after the deliveries, e.g. "GET /orders/${capture.id}".',
        }),
      headers: z
        .record(
          z
            .string()
            .regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
          z.union([z.string(), z.number()], { error: "must be a text (or a number)" }),
        )
        .meta({ description: "Request headers." })
        .optional(),
      "send-auth": z
        .boolean({ error: "must be true or false" })
        .meta({ description: "Send the preview's credentials (default true)." })
        .optional(),
      eventually: duration(
        "Keep asking (with growing pauses) until expect holds or this much time passed, e.g. 10s; at most 10m",
      ).optional(),
      expect: z
        .strictObject(expectSchema.shape, {
          error: (iss) =>
            iss.input === undefined
              ? "must say what the answer must be (status, json, body-contains or headers): a then request without expect checks nothing"
              : "must be a mapping with status, body-contains, json, headers or max-latency",
        })
        .meta({ description: "What the answer must look like (required)." }),
    }),
    { error: "must be a list of requests, each with request and expect" },
  )
  .min(1, { error: "must list at least one request" })
  .max(20, { error: "must list at most 20 requests" })
  .meta({
    description:
      "Requests after the deliveries that check the app's work, e.g. {request: GET /orders/${capture.id}, eventually: 10s, expect: {json: {$.status: paid}}}.",
  });

const expectDeliveriesSchema = z
  .strictObject({
    events: z
      .array(
        z
          .string({ error: 'must be a GitHub event, or event.action, e.g. "pull_request.opened"' })
          .regex(/^[a-z_]+(?:\.[a-z_-]+)?$/, {
            error: 'must be a GitHub event, or event.action, e.g. "push", "pull_request.opened"',
          }),
        { error: "must be a list of GitHub events, e.g. [push, pull_request.opened]" },
      )
      .min(1, { error: "must list at least one event" })
      .meta({ description: "GitHub events (or event.action) that must have been delivered." }),
    within: duration("How long GitHub may take to deliver them (default 2m, at most 30m)").optional(),
    status: status.optional(),
  })
  .meta({
    description:
      "After the test command: GitHub's own deliveries to the run's temporary webhook (github-webhook) must include these events, each answered 2xx (or `status`).",
  });

export const scenarioSchema = z
  .strictObject({
    name: z
      .string({ error: "must be a text naming the scenario" })
      .min(1, { error: "must not be empty" })
      .meta({ description: "Shown in reports; unique within the file." }),
    provider: z
      .enum(SCENARIO_PROVIDERS, { error: `must be one of ${SCENARIO_PROVIDERS.join(", ")}` })
      .meta({ description: "Who sends the webhook: decides the signature and the headers." })
      // Required for webhook scenarios (build.ts says so); an OAuth scenario has `oauth:` instead.
      .optional(),
    event: z
      .string({ error: 'must be a text naming the event or topic, e.g. "push", "orders/create"' })
      .min(1, { error: "must not be empty" })
      .meta({
        description:
          "Event or topic (X-GitHub-Event, X-Shopify-Topic, X-Gitlab-Event, Linear-Event); also picks the built-in example when there is no body.",
      })
      .optional(),
    path: z
      .string({ error: 'must be a path starting with "/", e.g. /webhooks/github' })
      .regex(/^\/[^\s#]*$/, {
        error: 'must be a path starting with "/" without spaces or "#", e.g. /webhooks/github',
      })
      .meta({ description: "Path (and query) on the preview's public URL." })
      // Required for webhook scenarios (build.ts says so).
      .optional(),
    method: z
      .enum(["POST", "PUT", "PATCH"], { error: "must be POST, PUT or PATCH" })
      .meta({
        description:
          "Default POST. The gate lets only POST skip its sign-in on verify-webhooks paths: PUT and PATCH need send-auth.",
      })
      .optional(),
    body: body.optional(),
    "content-type": z
      .string({ error: 'must be a media type, e.g. "application/json"' })
      .regex(/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(?:\s*;.*)?$/, {
        error: 'must be a media type, e.g. "application/json"',
      })
      .meta({ description: "Default: from the body (JSON, form or the example's)." })
      .optional(),
    headers: z
      .record(
        z
          .string()
          .regex(HEADER_NAME, { error: "must be a header name (letters, digits and !#$%&'*+-.^_`|~)" }),
        z.union([z.string(), z.number()], { error: "must be a text (or a number)" }),
      )
      .meta({ description: "Extra request headers, applied last (they can override the provider's)." })
      .optional(),
    "secret-env": envName(
      "Environment variable holding the provider's secret (never write the secret in the file). Not for discord.",
    ).optional(),
    "public-key-env": envName(
      "discord only: the variable the run's generated public key (hex) is given to the app in. Default DISCORD_PUBLIC_KEY.",
    ).optional(),
    expect: expectSchema.optional(),
    "expect-rejected": z
      .boolean({ error: "must be true or false" })
      .meta({ description: "Shorthand for expect.status [400, 401, 403]: the delivery must be refused." })
      .optional(),
    repeat: z
      .int({ error: "must be a whole number from 1 to 10000" })
      .min(1, { error: "must be a whole number from 1 to 10000" })
      .max(10_000, { error: "must be a whole number from 1 to 10000" })
      .meta({ description: "Deliveries to send (each signed on its own). Default 1." })
      .optional(),
    concurrency: z
      .int({ error: "must be a whole number from 1 to 256" })
      .min(1, { error: "must be a whole number from 1 to 256" })
      .max(256, { error: "must be a whole number from 1 to 256" })
      .meta({ description: "Deliveries of this scenario in flight at once. Default 1." })
      .optional(),
    "timestamp-offset": duration(
      "Added to the signed timestamp: negative sends a stale delivery",
      SIGNED_DURATION,
      'a signed duration, e.g. "-10m" (10 minutes old) or "+30s"',
      { unbounded: true },
    ).optional(),
    tamper: z
      .boolean({ error: "must be true or false" })
      .meta({ description: "Flip a byte of the body (GitLab: of the token) after signing." })
      .optional(),
    "send-auth": z
      .boolean({ error: "must be true or false" })
      .meta({
        description:
          "Also send the preview's credentials, for paths the gate does not verify (a real provider could not).",
      })
      .optional(),
    timeout: duration("Longest wait for each response", DURATION, DURATION_HELP, {
      positive: true,
    }).optional(),
    oauth: oauthSchema.optional(),
    duplicate: z
      .boolean({ error: "must be true or false" })
      .meta({
        description:
          "Send each delivery twice with the same delivery id (X-GitHub-Delivery, the Stripe event id, webhook-id), the second signed anew, as a provider's retry arrives.",
      })
      .optional(),
    "expect-duplicate": z
      .union([z.literal("same-status"), expectSchema], {
        error: 'must be "same-status" or a mapping like expect (status, body-contains, json, headers)',
      })
      .meta({
        description:
          'What the duplicate\'s answer must be. Default "same-status": the status the first one got.',
      })
      .optional(),
    retry: retrySchema.optional(),
    events: z
      .array(eventItem, { error: "must be a list of event names" })
      .min(1, { error: "must list at least one event" })
      .max(50, { error: "must list at most 50 events" })
      .meta({
        description:
          "Several events sent one after another (each its built-in body), in `order`, e.g. [customer.subscription.created, customer.subscription.updated].",
      })
      .optional(),
    order: z
      .enum(["as-listed", "shuffled", "reversed"], { error: "must be as-listed, shuffled or reversed" })
      .meta({ description: "Order the events are sent in. Default as-listed." })
      .optional(),
    seed: z
      .int({ error: "must be a whole number from 0 to 4294967295" })
      .min(0, { error: "must be a whole number from 0 to 4294967295" })
      .max(4_294_967_295, { error: "must be a whole number from 0 to 4294967295" })
      .meta({ description: "Seed of order: shuffled (the report shows the one used), to replay an order." })
      .optional(),
    override: overrideSchema.optional(),
    capture: captureSchema.optional(),
    // A list, never a function: an object holding it is not a thenable.
    // biome-ignore lint/suspicious/noThenProperty: the scenario file's own word for follow-up requests
    then: thenSchema.optional(),
    "expect-deliveries": expectDeliveriesSchema.optional(),
  })
  .meta({ description: "One webhook delivery (or `repeat` of them) and what its response must be." });

export type ScenarioInput = z.infer<typeof scenarioSchema>;

/**
 * For the editors' JSON Schema only: provider and path shown as required, as webhook
 * scenarios need them. (An OAuth scenario, with `oauth:`, goes without; load.ts and build.ts
 * decide. The editor schema keeps one item shape so completion stays simple.)
 */
const editorScenarioSchema = scenarioSchema.extend({
  provider: scenarioSchema.shape.provider.unwrap(),
  path: scenarioSchema.shape.path.unwrap(),
});

/** The file: first checked only this far, so each scenario is then checked (and reported) on its own. */
export const fileShellSchema = z.strictObject({
  scenarios: z
    .array(z.unknown(), { error: "must be a list of scenarios (YAML items starting with -)" })
    .min(1, { error: "must list at least one scenario" }),
});

export const fileSchema = z
  .strictObject({ scenarios: z.array(editorScenarioSchema).min(1) })
  .meta({ title: "preview-tunnel webhook and OAuth scenarios" });

/** The JSON Schema shipped for editors (scenarios.schema.json). */
export function scenariosJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(fileSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  // A scenario is a webhook delivery (provider and path) or an OAuth login (oauth): say so to
  // editors, which would otherwise ask every OAuth scenario for a provider and a path.
  const items = (schema.properties as { scenarios?: { items?: Record<string, unknown> } } | undefined)
    ?.scenarios?.items;
  if (items) {
    items.required = ["name"];
    items.anyOf = [
      { required: ["provider", "path"] },
      { required: ["oauth"] },
      { required: ["expect-deliveries"] },
    ];
    items.allOf = eventCompletions();
    // Each list once, referenced where it is offered.
    schema.$defs = {
      ...(schema.$defs as Record<string, unknown> | undefined),
      ...Object.fromEntries(
        SCENARIO_PROVIDERS.map((p) => [
          `${p}-events`,
          { enum: p === "github" ? githubNames() : exampleNames(p) },
        ]),
      ),
    };
    const expectDeliveries = (items.properties as Record<string, { properties?: Record<string, unknown> }>)[
      "expect-deliveries"
    ];
    if (expectDeliveries?.properties) {
      expectDeliveries.properties.events = {
        ...(expectDeliveries.properties.events as Record<string, unknown>),
        items: { anyOf: [{ $ref: "#/$defs/github-events" }, { type: "string" }] },
      };
    }
  }
  return schema;
}

/** GitHub's events and the catalog's event.actions, for completion. */
function githubNames(): string[] {
  return [...new Set([...exampleNames("github"), ...GITHUB_CATALOG_NAMES, ...GITHUB_EVENTS])].sort();
}

/**
 * Per provider, the event names with a built-in body, offered for `event` and `events` (as
 * suggestions: any text stays valid, the loader decides).
 */
function eventCompletions(): Record<string, unknown>[] {
  return SCENARIO_PROVIDERS.map((provider) => {
    const names = { $ref: `#/$defs/${provider}-events` };
    return {
      if: { properties: { provider: { const: provider } }, required: ["provider"] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword
      then: {
        properties: {
          event: { anyOf: [names, { type: "string" }] },
          events: { items: { anyOf: [names, { type: "string" }, { type: "object" }] } },
        },
      },
    };
  });
}

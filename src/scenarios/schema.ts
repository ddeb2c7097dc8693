/**
 * The shape of a scenario file, as a zod schema: validates files on load and is exported as
 * the JSON Schema editors complete against (`# yaml-language-server: $schema=...`). Every
 * leaf says what it accepts, so a message can name the field, the problem and the fix.
 * Rules that need more than one field (provider-specific ones) live in load.ts.
 */
import * as z from "zod";
import { oauthSchema } from "./oauth/schema.js";
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

/** A duration; a bare number gets a hint to add the unit. */
function duration(what: string, pattern = DURATION, help = DURATION_HELP) {
  const message = (input: unknown) =>
    typeof input === "number" ? `must be ${help}; add a unit, e.g. "${input}s"` : `must be ${help}`;
  return z
    .string({ error: (iss) => message(iss.input) })
    .regex(pattern, { error: (iss) => message(iss.input) })
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
    timeout: duration("Longest wait for each response").optional(),
    oauth: oauthSchema.optional(),
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
    items.anyOf = [{ required: ["provider", "path"] }, { required: ["oauth"] }];
  }
  return schema;
}

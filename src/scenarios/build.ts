/**
 * One schema-valid scenario -> a Scenario, checking the rules that span fields: the key a
 * provider signs with, its event header, timestamp offsets only where a timestamp is signed,
 * bodies (files read now, examples known), placeholders, expectations and headers.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDuration, parsePositiveDuration } from "../util/parse.js";
import {
  type BuildContext,
  buildBehaviour,
  buildExpectDeliveries,
  buildFollowUp,
  examplesHint,
  githubEventProblem,
  overridden,
} from "./behaviour-build.js";
import { buildExpectations, expectTexts } from "./build-expect.js";
import type { FileContext, ProblemAt } from "./file-context.js";
import { locate, position } from "./locate.js";
import { buildOAuthScenario } from "./oauth/build.js";
import { githubEventOf } from "./payloads/github-catalog.js";
import { exampleFor, findExample, hasExample } from "./payloads/index.js";
import { FORM_TYPE, JSON_TYPE } from "./payloads/types.js";
import type { ScenarioInput } from "./schema.js";
import {
  PROVIDERS,
  SCENARIO_PROVIDERS,
  type ScenarioProvider,
  TIMESTAMPED_PROVIDERS,
} from "./signers/index.js";
import { badPlaceholder, jsonStrings } from "./template.js";
import type { BodyTemplate, Expectations, Scenario } from "./types.js";

/** Request headers the HTTP client frames itself; setting them would corrupt the delivery. */
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect",
]);

/** What a text body is, when nothing says: JSON if it parses as an object/array, a form if it looks like one. */
function sniffContentType(text: string): string {
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(trimmed);
      return JSON_TYPE;
    } catch {
      // not JSON after all
    }
  }
  if (/^[^=&\s]+=[^&\s]*(?:&[^=&\s]+=[^&\s]*)*$/.test(trimmed)) return FORM_TYPE;
  return "text/plain; charset=utf-8";
}

const EXTENSION_TYPES: Readonly<Record<string, string>> = {
  ".json": JSON_TYPE,
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Checks the cross-field rules of one schema-valid scenario and builds it. */
export class ScenarioBuilder {
  private readonly before: number;
  private readonly provider: ScenarioProvider;

  constructor(
    private readonly ctx: FileContext,
    private readonly base: readonly PropertyKey[],
    private readonly input: ScenarioInput,
  ) {
    this.before = ctx.problems.length;
    // Checked in build() before any use: only an OAuth scenario (`oauth:`) goes without it.
    this.provider = input.provider as ScenarioProvider;
  }

  private add(relative: readonly PropertyKey[], message: string, at: ProblemAt = "value") {
    this.ctx.add([...this.base, ...relative], message, at);
  }

  build(): Scenario | undefined {
    if (this.input["expect-deliveries"] !== undefined) return this.expectDeliveries();
    if (this.input.oauth !== undefined) return buildOAuthScenario(this.ctx, this.base, this.input);
    if (!this.webhookRequired()) return undefined;
    const { input, provider } = this;
    const spec = PROVIDERS[provider];
    const { secretEnv, publicKeyEnv } = this.keys();
    const eventProblem =
      provider === "github" && input.event !== undefined ? githubEventProblem(input.event) : undefined;
    if (eventProblem !== undefined) this.add(["event"], eventProblem);
    const behaviour = buildBehaviour(this.context());
    const units = behaviour?.events;
    const first = units?.[0];
    let body = units
      ? first && { template: first.body, example: first.example, contentType: first.contentType }
      : eventProblem === undefined
        ? this.body()
        : undefined;
    if (body !== undefined && !units && input.override !== undefined) {
      const template = overridden(
        this.add.bind(this),
        ["override"],
        body.template,
        input.override,
        body.example,
      );
      body = template && { ...body, template };
    }
    const followUp = buildFollowUp(this.context(), body?.template);
    const event = units
      ? first?.event
      : input.event !== undefined
        ? provider === "github"
          ? githubEventOf(input.event)
          : input.event
        : body?.example === undefined
          ? undefined
          : findExample(provider, body.example)?.event;
    if (event === undefined && spec.eventRequired) {
      this.add(
        ["event"],
        `is missing: ${provider} sends the event in ${spec.eventHeader}; name it, e.g. event: ${exampleFor(provider, undefined) ?? "push"}`,
        "missing",
      );
    }
    if (input["timestamp-offset"] !== undefined && !spec.timestamped) {
      this.add(
        ["timestamp-offset"],
        `has no effect: ${provider} signs no timestamp, so no delivery of it can be stale; it applies to ${TIMESTAMPED_PROVIDERS.join(", ")}`,
      );
    }
    const expectations = this.expectations();
    this.placeholders();
    const headers = this.headers();
    const source = position(locate(this.ctx.doc, this.base).node, this.ctx.lines);
    if (this.ctx.problems.length > this.before || body === undefined || expectations === undefined)
      return undefined;
    return {
      ...(behaviour ? { behaviour } : {}),
      ...(followUp ? { followUp } : {}),
      name: input.name,
      provider,
      event,
      path: input.path as string,
      method: input.method ?? "POST",
      body: body.template,
      example: body.example,
      contentType: input["content-type"] ?? body.contentType,
      headers,
      secretEnv,
      publicKeyEnv,
      expect: expectations,
      expectRejected: input["expect-rejected"] ?? false,
      repeat: input.repeat ?? 1,
      concurrency: input.concurrency ?? 1,
      timestampOffsetSeconds: signedSeconds(input["timestamp-offset"]),
      tamper: input.tamper ?? false,
      sendAuth: input["send-auth"] ?? false,
      timeoutMs: input.timeout === undefined ? undefined : parsePositiveDuration("timeout", input.timeout),
      source: { file: this.ctx.options.file, ...source },
    };
  }

  private context(): BuildContext {
    return {
      add: this.add.bind(this),
      lineOf: (relative) =>
        position(locate(this.ctx.doc, [...this.base, ...relative]).node, this.ctx.lines).line,
      input: this.input,
      provider: this.provider,
    };
  }

  /** GitHub's own deliveries to the run's webhook: nothing is sent, so the webhook fields stay inert. */
  private expectDeliveries(): Scenario | undefined {
    const expectDeliveries = buildExpectDeliveries(this.add.bind(this), this.input);
    const source = position(locate(this.ctx.doc, this.base).node, this.ctx.lines);
    if (this.ctx.problems.length > this.before || expectDeliveries === undefined) return undefined;
    return {
      expectDeliveries,
      name: this.input.name,
      source: { file: this.ctx.options.file, ...source },
      expect: {
        status: expectDeliveries.status,
        statusText: expectDeliveries.statusText,
        bodyContains: [],
        json: [],
        headers: [],
        maxLatencyMs: undefined,
      },
      timeoutMs: undefined,
      // Inert: the webhook fields of a Scenario, unused here.
      provider: "github",
      event: undefined,
      path: "/",
      method: "POST",
      body: { kind: "text", text: "" },
      example: undefined,
      contentType: "application/json",
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

  /** provider and path: required of webhook scenarios (the schema lets OAuth scenarios go without). */
  private webhookRequired(): boolean {
    if (this.input.provider === undefined) {
      this.add(
        ["provider"],
        `is missing: it must be one of ${SCENARIO_PROVIDERS.join(", ")} (or, for an OAuth login scenario, give oauth: instead)`,
        "missing",
      );
    }
    if (this.input.path === undefined) {
      this.add(["path"], 'is missing: it must be a path starting with "/", e.g. /webhooks/github', "missing");
    }
    return this.input.provider !== undefined && this.input.path !== undefined;
  }

  private keys(): { secretEnv: string | undefined; publicKeyEnv: string | undefined } {
    const { input, provider } = this;
    if (PROVIDERS[provider].key === "ed25519") {
      if (input["secret-env"] !== undefined) {
        this.add(
          ["secret-env"],
          `is not used by ${provider}: its deliveries are signed with an Ed25519 key pair generated per run; name the variable the app reads the public key from in public-key-env (default DISCORD_PUBLIC_KEY)`,
          "key",
        );
      }
      return { secretEnv: undefined, publicKeyEnv: input["public-key-env"] ?? "DISCORD_PUBLIC_KEY" };
    }
    if (input["public-key-env"] !== undefined) {
      this.add(["public-key-env"], `is only for discord (Ed25519); ${provider} uses secret-env`, "key");
    }
    const secretEnv = input["secret-env"];
    const example = `${provider.toUpperCase().replaceAll("-", "_")}_WEBHOOK_SECRET`;
    if (secretEnv === undefined) {
      this.add(
        ["secret-env"],
        `is missing: name the environment variable holding the ${provider} ${PROVIDERS[provider].secretName}, e.g. secret-env: ${example} (secrets are never written in scenario files)`,
        "missing",
      );
    } else if (this.ctx.options.env && !this.ctx.options.env[secretEnv]) {
      this.add(
        ["secret-env"],
        `names ${secretEnv}, which is not set or empty; set it in the step's env, e.g. "${secretEnv}: \${{ secrets.${secretEnv} }}"`,
      );
    }
    return { secretEnv, publicKeyEnv: undefined };
  }

  private body(): { template: BodyTemplate; example: string | undefined; contentType: string } | undefined {
    const { input, provider } = this;
    const body = input.body;
    const useExample = (name: string) => {
      const example = findExample(provider, name);
      return (
        example && {
          template: { kind: "text", text: example.body } as const,
          example: name,
          contentType: example.contentType,
        }
      );
    };
    if (body === undefined) {
      const name = exampleFor(provider, input.event);
      if (name === undefined) {
        this.add(
          ["event"],
          `has no built-in ${provider} example to send; give a body, or use an event with one (${examplesHint(provider, input.event)})`,
        );
        return undefined;
      }
      return useExample(name);
    }
    if (typeof body === "string")
      return {
        template: { kind: "text", text: body },
        example: undefined,
        contentType: sniffContentType(body),
      };
    if ("json" in body)
      return { template: { kind: "json", value: body.json }, example: undefined, contentType: JSON_TYPE };
    if ("form" in body) {
      const fields = Object.entries(body.form).map(([k, v]) => [k, String(v)] as const);
      return { template: { kind: "form", fields }, example: undefined, contentType: FORM_TYPE };
    }
    if ("text" in body) {
      return {
        template: { kind: "text", text: body.text },
        example: undefined,
        contentType: sniffContentType(body.text),
      };
    }
    if ("file" in body) {
      const file = path.resolve(this.ctx.options.dir, body.file);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        this.add(
          ["body", "file"],
          `cannot be read (${code === "ENOENT" ? "no such file" : (code ?? "error")}: ${file}); paths are relative to the scenario file`,
        );
        return undefined;
      }
      const type = EXTENSION_TYPES[path.extname(file).toLowerCase()] ?? sniffContentType(text);
      if (badPlaceholder(text) !== undefined) {
        this.add(
          ["body", "file"],
          `has an unsupported placeholder ${badPlaceholder(text)} in ${file}; ${PLACEHOLDER_HELP}`,
        );
      }
      return { template: { kind: "text", text }, example: undefined, contentType: type };
    }
    if (!hasExample(provider, body.example)) {
      this.add(
        ["body", "example"],
        `is not a built-in ${provider} example; ${examplesHint(provider, body.example)}`,
      );
      return undefined;
    }
    return useExample(body.example);
  }

  private expectations(): Expectations | undefined {
    return buildExpectations(
      this.add.bind(this),
      ["expect"],
      this.input.expect ?? {},
      this.input["expect-rejected"] ?? false,
    );
  }

  private headers(): (readonly [string, string])[] {
    return Object.entries(this.input.headers ?? {}).flatMap(([name, value]) => {
      if (RESERVED_HEADERS.has(name.toLowerCase())) {
        this.add(
          ["headers", name],
          `cannot be set: the HTTP client frames the request itself; these cannot be set: ${[...RESERVED_HEADERS].join(", ")}`,
          "key",
        );
        return [];
      }
      return [[name, String(value)] as const];
    });
  }

  /** Placeholders everywhere they are filled in: only ${env.NAME} and ${preview.url}. */
  private placeholders(): void {
    const { input } = this;
    const texts: [readonly PropertyKey[], string][] = [[["path"], input.path ?? ""]];
    for (const [name, value] of Object.entries(input.headers ?? {}))
      texts.push([["headers", name], String(value)]);
    const body = input.body;
    if (typeof body === "string") texts.push([["body"], body]);
    else if (body && "text" in body) texts.push([["body", "text"], body.text]);
    else if (body && "json" in body) {
      for (const [at, text] of jsonStrings(body.json)) texts.push([["body", "json", ...at], text]);
    } else if (body && "form" in body) {
      for (const [name, value] of Object.entries(body.form))
        texts.push([["body", "form", name], String(value)]);
    }
    texts.push(...expectTexts(["expect"], input.expect));
    const overrides = [
      [["override"], input.override],
      ...(input.events ?? []).map((e, i) => [
        ["events", i, "override"],
        typeof e === "string" ? undefined : e.override,
      ]),
    ] as [PropertyKey[], Record<string, unknown> | undefined][];
    for (const [at, value] of overrides) {
      for (const [path, text] of jsonStrings(value ?? {})) texts.push([[...at, ...path], text]);
    }
    if (input["expect-duplicate"] !== undefined && input["expect-duplicate"] !== "same-status") {
      texts.push(...expectTexts(["expect-duplicate"], input["expect-duplicate"]));
    }
    for (const [where, text] of texts) {
      const bad = badPlaceholder(text);
      if (bad !== undefined) this.add(where, `uses the placeholder ${bad}; ${PLACEHOLDER_HELP}`);
    }
  }
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: describes the scenario placeholders
const PLACEHOLDER_HELP = "placeholders are ${env.NAME} and ${preview.url} ($${ writes a literal ${)";

/** "-10m" -> -600; undefined -> 0. */
function signedSeconds(value: string | undefined): number {
  if (value === undefined) return 0;
  const sign = value.trim().startsWith("-") ? -1 : 1;
  return (
    (sign *
      parseDuration("timestamp-offset", value.trim().replace(/^[+-]/, ""), {
        max: Number.POSITIVE_INFINITY,
      })) /
    1000
  );
}

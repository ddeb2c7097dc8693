/**
 * Resolving the temporary GitHub webhook: its events checked against GitHub's (the scenarios
 * part's list, loaded only now), its secret made once for the run, and what it adds to the
 * other parts: the app's environment gets the secret, the gate verifies GitHub's signature on
 * the hook's path, and `expect-deliveries` scenarios need the hook (and its events).
 */

import { randomBytes } from "node:crypto";
import type { AppSettings } from "../../app/settings.js";
import { InputError } from "../../errors.js";
import type { GateSettings } from "../../gate/settings.js";
import type { GithubWebhookSettings } from "../../github/settings.js";
import type { Scenario } from "../../scenarios/index.js";
import type { GithubWebhookInputName } from "../inputs/github-webhook.js";
import type { InputReader } from "../inputs/reader.js";
import type { ScenarioInputName } from "../inputs/scenarios.js";
import type { ParsedGithubWebhook } from "../parse/github-webhook.js";
import { ScenarioInputError } from "./scenarios.js";

/** The webhook's settings with its secret, or undefined (none asked for, or a reported problem). */
export async function resolveGithubWebhook(
  parsed: ParsedGithubWebhook | undefined,
  inputs: InputReader<GithubWebhookInputName>,
  /** Tells this preview's hooks from others' (the comment key). */
  key: string,
): Promise<GithubWebhookSettings | undefined> {
  if (parsed === undefined || parsed.events.length === 0) return undefined;
  const { githubEventProblem } = await import("../../scenarios/index.js");
  let valid = true;
  for (const event of parsed.events) {
    const problem = event === "*" ? undefined : githubEventProblem(event, false);
    if (problem === undefined) continue;
    inputs.report("github-webhook", new InputError("github-webhook", event, problem));
    valid = false;
  }
  const { events, path, token, secretEnv } = parsed;
  // A field left undefined has its problem reported already (parse).
  if (!valid || path === undefined || token === undefined || secretEnv === undefined) return undefined;
  return { events, path, token, secretEnv, secret: newWebhookSecret(), key };
}

/**
 * The app and the gate with the webhook in them: the app (each of its services) gets the secret
 * in its environment, the gate verifies GitHub's signature on the hook's path. A
 * `verify-webhooks` rule for the same path, or an `env` line (of the input or a service) for
 * the same variable, would contradict it: reported, nothing changed.
 */
export function withGithubWebhook<A extends Pick<AppSettings, "services">>(
  webhook: GithubWebhookSettings | undefined,
  parts: { readonly app: A; readonly gate: GateSettings },
  inputs: InputReader<GithubWebhookInputName>,
): { readonly app: A; readonly gate: GateSettings } {
  if (webhook === undefined) return parts;
  const { app, gate } = parts;
  const taken = gate.webhooks.find((rule) => rule.pathPrefix === webhook.path);
  if (taken !== undefined) {
    inputs.report(
      "github-webhook-path",
      new InputError(
        "github-webhook-path",
        webhook.path,
        `is also a verify-webhooks path (${taken.provider} ${taken.pathPrefix} ${taken.secretEnv}); github-webhook verifies its path with the secret made for the run: remove that verify-webhooks line or choose another github-webhook-path`,
      ),
    );
  }
  const setsIt = app.services.find((service) => Object.hasOwn(service.env, webhook.secretEnv));
  if (setsIt !== undefined) {
    inputs.report(
      "github-webhook-secret-env",
      new InputError(
        "github-webhook-secret-env",
        webhook.secretEnv,
        `names a variable that ${app.services.length > 1 ? `the env of service "${setsIt.name}"` : 'input "env"'} sets too; the app gets the webhook's secret (made for the run) in it: remove it from env or choose another name`,
      ),
    );
  }
  if (taken !== undefined || setsIt !== undefined) return parts;
  return {
    app: {
      ...app,
      services: app.services.map((service) => ({
        ...service,
        env: { ...service.env, [webhook.secretEnv]: webhook.secret },
      })),
    },
    gate: {
      ...gate,
      webhooks: [
        ...gate.webhooks,
        {
          provider: "github",
          pathPrefix: webhook.path,
          secretEnv: webhook.secretEnv,
          secret: webhook.secret,
        },
      ],
    },
  };
}

/**
 * `expect-deliveries` reads the webhook's delivery log: a scenario with it needs the webhook,
 * subscribed to the events it names. Reported at the scenario's line.
 */
export async function checkExpectDeliveries(
  scenarios: readonly Scenario[],
  webhook: GithubWebhookSettings | undefined,
  inputs: InputReader<ScenarioInputName | GithubWebhookInputName>,
): Promise<void> {
  const expecting = scenarios.filter((s) => s.expectDeliveries !== undefined);
  // A webhook asked for but invalid has its own problem reported already.
  if (expecting.length === 0 || (webhook === undefined && inputs.raw("github-webhook").trim() !== "")) return;
  const { formatProblem } = await import("../../scenarios/index.js");
  const report = (s: Scenario, message: string) => {
    const problem = { ...s.source, message: `scenario "${s.name}": ${message}` };
    inputs.report("scenarios", new ScenarioInputError(problem, formatProblem(problem)));
  };
  for (const s of expecting) {
    if (webhook === undefined) {
      report(
        s,
        'expect-deliveries reads what GitHub delivered to the run\'s temporary webhook, and this run makes none: set github-webhook (e.g. "push, pull_request") and github-webhook-token',
      );
      continue;
    }
    if (webhook.events.includes("*")) continue;
    const missing = (s.expectDeliveries?.events ?? []).filter((e) => !webhook.events.includes(e.event));
    if (missing.length > 0) {
      report(
        s,
        `expect-deliveries names ${missing.map((e) => e.label).join(", ")}, but github-webhook does not subscribe to ${[...new Set(missing.map((e) => e.event))].join(", ")} (it lists ${webhook.events.join(", ")}): add it to github-webhook`,
      );
    }
  }
}

/**
 * A secret for the run's hook: 32 random bytes as 64 hex characters (GitHub takes any string).
 * Made here, in the resolve step, like the run's other secrets (and so github/settings.ts, which
 * `--help` loads for its defaults, needs no crypto).
 */
export function newWebhookSecret(): string {
  return randomBytes(32).toString("hex");
}

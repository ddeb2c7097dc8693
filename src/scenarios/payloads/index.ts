/** Built-in example payloads by provider and name (the name is what `body.example` takes). */
import type { ScenarioProvider } from "../signers/index.js";
import { DISCORD_EXAMPLES } from "./discord.js";
import { GITHUB_EXAMPLES } from "./github.js";
import { githubCatalogBody, githubEventOf } from "./github-catalog.js";
import { githubExamplesOf, hasGithubExample } from "./github-events.js";
import { GITLAB_EXAMPLES } from "./gitlab.js";
import { LINEAR_EXAMPLES } from "./linear.js";
import { PADDLE_EXAMPLES } from "./paddle.js";
import { PAGERDUTY_EXAMPLES } from "./pagerduty.js";
import { SHOPIFY_EXAMPLES } from "./shopify.js";
import { SLACK_EXAMPLES } from "./slack.js";
import { SQUARE_EXAMPLES } from "./square.js";
import { STANDARD_WEBHOOKS_EXAMPLES, SVIX_EXAMPLES } from "./standard-webhooks.js";
import { STRIPE_EXAMPLES } from "./stripe.js";
import { TWILIO_EXAMPLES } from "./twilio.js";
import { JSON_TYPE, type PayloadExample } from "./types.js";

export type { PayloadExample } from "./types.js";

/** The first example of each provider is its default when a scenario gives neither body nor event. */
export const EXAMPLES: Readonly<Record<ScenarioProvider, Readonly<Record<string, PayloadExample>>>> = {
  github: GITHUB_EXAMPLES,
  stripe: STRIPE_EXAMPLES,
  slack: SLACK_EXAMPLES,
  shopify: SHOPIFY_EXAMPLES,
  twilio: TWILIO_EXAMPLES,
  "standard-webhooks": STANDARD_WEBHOOKS_EXAMPLES,
  svix: SVIX_EXAMPLES,
  pagerduty: PAGERDUTY_EXAMPLES,
  gitlab: GITLAB_EXAMPLES,
  linear: LINEAR_EXAMPLES,
  square: SQUARE_EXAMPLES,
  discord: DISCORD_EXAMPLES,
  paddle: PADDLE_EXAMPLES,
};

export function exampleNames(provider: ScenarioProvider): string[] {
  return Object.keys(EXAMPLES[provider]);
}

/**
 * A built-in example by name: the provider's own, or for GitHub one of the catalog of
 * @octokit/webhooks-examples ("pull_request.closed"; its body is read on first use).
 */
export function findExample(provider: ScenarioProvider, name: string): PayloadExample | undefined {
  if (Object.hasOwn(EXAMPLES[provider], name)) return EXAMPLES[provider][name];
  if (provider !== "github" || !hasGithubExample(name)) return undefined;
  const body = githubCatalogBody(name);
  // Bodies are templates; GitHub's examples are sent as they are (one quotes "${eval(...)}").
  const literal = body?.replaceAll("${", () => "$${");
  return literal === undefined
    ? undefined
    : { event: githubEventOf(name), contentType: JSON_TYPE, body: literal };
}

/** True when findExample would find it (without reading the GitHub catalog's bodies). */
export function hasExample(provider: ScenarioProvider, name: string): boolean {
  return Object.hasOwn(EXAMPLES[provider], name) || (provider === "github" && hasGithubExample(name));
}

/**
 * The example a scenario without a body uses: the one named like its event (or whose event
 * header value it is, e.g. "Push Hook"), else the provider's first. For a GitHub event with
 * only catalog examples ("issues"): its "opened" or "created" one, else its first.
 */
export function exampleFor(provider: ScenarioProvider, event: string | undefined): string | undefined {
  const examples = EXAMPLES[provider];
  if (event === undefined) return Object.keys(examples)[0];
  if (hasExample(provider, event)) return event;
  const own = Object.entries(examples).find(([, e]) => e.event === event)?.[0];
  if (own !== undefined || provider !== "github") return own;
  const catalog = githubExamplesOf(event);
  return catalog.find((n) => n === `${event}.opened` || n === `${event}.created`) ?? catalog[0];
}

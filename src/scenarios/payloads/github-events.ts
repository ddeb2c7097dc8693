/**
 * GitHub event names: what a scenario's `event`, `events` and `expect-deliveries` may name,
 * and what a temporary webhook may subscribe to. The catalog (github-catalog-names.ts) has
 * an example body for 161 event/actions of 58 events; GitHub sends a few more events it has
 * no example of (listed from https://docs.github.com/en/webhooks/webhook-events-and-payloads),
 * which a scenario may still name when it brings its own body.
 */
import { githubEventOf } from "./github-catalog.js";
import { GITHUB_CATALOG_NAMES } from "./github-catalog-names.js";

const WITHOUT_EXAMPLES = [
  "branch_protection_configuration",
  "custom_property",
  "custom_property_values",
  "deployment_protection_rule",
  "installation_target",
  "issue_dependencies",
  "personal_access_token_request",
  "projects_v2",
  "projects_v2_status_update",
  "registry_package",
  "repository_advisory",
  "repository_ruleset",
  "secret_scanning_alert",
  "secret_scanning_alert_location",
  "secret_scanning_scan",
  "security_and_analysis",
  "sub_issues",
];

/** Every X-GitHub-Event value GitHub sends, sorted. */
export const GITHUB_EVENTS: readonly string[] = [
  ...new Set([...GITHUB_CATALOG_NAMES.map(githubEventOf), ...WITHOUT_EXAMPLES]),
].sort();

const EVENT_SET = new Set(GITHUB_EVENTS);
const CATALOG_SET = new Set(GITHUB_CATALOG_NAMES);

export function isGithubEvent(name: string): boolean {
  return EVENT_SET.has(name);
}

/** True when the catalog has an example body for "event" or "event.action". */
export function hasGithubExample(name: string): boolean {
  return CATALOG_SET.has(name);
}

/** The catalog names of one event: "issues" -> ["issues.assigned", ...]. */
export function githubExamplesOf(event: string): string[] {
  return GITHUB_CATALOG_NAMES.filter((n) => githubEventOf(n) === event);
}

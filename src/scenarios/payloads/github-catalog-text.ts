/** The generated names module and its exact text (write-github-catalog.ts writes it; a unit test compares). */

/** Relative to the repository root. */
export const NAMES_FILE = "src/scenarios/payloads/github-catalog-names.ts";

export function catalogNamesText(names: readonly string[], version: string): string {
  const sorted = [...names].sort();
  return [
    `// Generated from @octokit/webhooks-examples ${version} by src/scenarios/payloads/write-github-catalog.ts: do not edit.`,
    "/** Every `event` or `event.action` with a GitHub example payload (github-catalog.ts loads the bodies). */",
    "export const GITHUB_CATALOG_NAMES: readonly string[] = [",
    ...sorted.map((name) => `  ${JSON.stringify(name)},`),
    "];",
    "",
  ].join("\n");
}

/**
 * The runner's variables of a `pull_request` run of octo/app#7 (head `feature` at aaa…, from the
 * repository itself unless `fork`), its event payload written to `dir`, its API the local fake
 * GitHub at `apiUrl`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";

export const PR_HEAD_SHA = "a".repeat(40);

export function pullRequestRun(
  dir: string,
  apiUrl: string,
  options: { readonly fork?: boolean } = {},
): Record<string, string> {
  const eventPath = path.join(dir, "event.json");
  writeFileSync(
    eventPath,
    JSON.stringify({
      number: 7,
      repository: { full_name: "octo/app", private: false },
      pull_request: {
        number: 7,
        head: {
          sha: PR_HEAD_SHA,
          ref: "feature",
          repo: { full_name: options.fork ? "someone/app" : "octo/app" },
        },
        base: { ref: "main", repo: { full_name: "octo/app" } },
      },
    }),
  );
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: "https://github.example",
    GITHUB_REPOSITORY: "octo/app",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: "b".repeat(40),
    GITHUB_RUN_ID: "42",
  };
}

/**
 * A run as a runner starts it, with every kind of secret set: secret inputs (INPUT_*), the
 * runner's tokens (ACTIONS_*), its file commands (GITHUB_OUTPUT, ...), tokens in the step's
 * env, and a webhook secret the app is meant to have. The app is echo-env.mjs, which hands
 * its environment and request headers out in every form it can.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pullRequestRun } from "../helpers/pull-request-run.js";
import { nodeApp } from "../integration/harness.js";

export interface HostileRun {
  /** Every value that must not be written out, by label. */
  readonly secrets: Secrets;
  /** The step's environment beyond the runner's basics (FakeRunner's baseEnv). */
  readonly stepEnv: Record<string, string>;
  /** The action's inputs (the runner turns them into INPUT_*). */
  readonly inputs: Record<string, string>;
  readonly files: { readonly testEnv: string; readonly appEnv: string };
}

/** Variables no child of the run may see, as the runner or the step sets them. */
export const WITHHELD = [
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_STEP_SUMMARY",
  "ACTIONS_RUNTIME_TOKEN",
  "ACTIONS_RUNTIME_URL",
  "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
  "ACTIONS_ID_TOKEN_REQUEST_URL",
  "ACTIONS_CACHE_URL",
  "ACTIONS_RESULTS_URL",
  "GITHUB_TOKEN",
  "GH_TOKEN",
  "NGROK_AUTHTOKEN",
];

function makeSecrets() {
  const sshKey = generateKeyPairSync("rsa", { modulusLength: 2048 })
    .privateKey.export({ format: "pem", type: "pkcs1" })
    .toString();
  const password = `pw-${randomBytes(18).toString("base64url")}`;
  return {
    "ssh-key": sshKey,
    "github-token": `ghs_${randomBytes(27).toString("base64url")}`,
    password,
    "user:password": `reviewer:${password}`,
    "webhook secret": `whsec_${randomBytes(24).toString("base64")}`,
    "ngrok-authtoken": `2ab${randomBytes(24).toString("hex")}`,
    ACTIONS_RUNTIME_TOKEN: `eyJ${randomBytes(30).toString("base64url")}`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: `eyJ${randomBytes(30).toString("base64url")}`,
    "GITHUB_TOKEN in the step's env": `ghp_${randomBytes(27).toString("base64url")}`,
    GH_TOKEN: `gho_${randomBytes(27).toString("base64url")}`,
    NGROK_AUTHTOKEN: `3cd${randomBytes(24).toString("hex")}`,
  };
}

export type Secrets = ReturnType<typeof makeSecrets>;

export interface HostileRunOptions {
  /** Of the local fake of GitHub's API: the run is a pull_request run publishing there. */
  readonly githubApiUrl: string;
  readonly scenarios?: boolean;
  readonly start?: string;
}

export function hostileRun(dir: string, options: HostileRunOptions): HostileRun {
  const secrets = makeSecrets();
  const sshKey = secrets["ssh-key"];
  const password = secrets.password;
  const file = (name: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, "");
    return p;
  };
  const stepEnv = {
    ACTIONS_RUNTIME_TOKEN: secrets.ACTIONS_RUNTIME_TOKEN,
    ACTIONS_RUNTIME_URL: "https://pipelines.actions.example/abc/",
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: secrets.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
    ACTIONS_ID_TOKEN_REQUEST_URL: "https://token.actions.example/abc",
    ACTIONS_CACHE_URL: "https://artifactcache.actions.example/abc/",
    ACTIONS_RESULTS_URL: "https://results-receiver.actions.example/",
    ACTIONS_STEP_DEBUG: "true",
    GITHUB_ENV: file("env"),
    GITHUB_PATH: file("path"),
    GITHUB_TOKEN: secrets["GITHUB_TOKEN in the step's env"],
    GH_TOKEN: secrets.GH_TOKEN,
    NGROK_AUTHTOKEN: secrets.NGROK_AUTHTOKEN,
    GITHUB_WEBHOOK_SECRET: secrets["webhook secret"],
    GITHUB_REPOSITORY: "octo/app",
    ...pullRequestRun(dir, options.githubApiUrl),
    RUNNER_TRACKING_ID: `github_${randomBytes(8).toString("hex")}`,
    MY_APP_SETTING: "kept",
  };
  const files = { testEnv: path.join(dir, "test-env.json"), appEnv: path.join(dir, "app-env.json") };
  const testCommand = nodeApp(
    "env-dump.mjs",
    files.testEnv,
    files.appEnv,
    "/env.json",
    "/env.txt",
    "/env.b64",
    "/env.form",
  );
  const inputs: Record<string, string> = {
    start: options.start ?? nodeApp("echo-env.mjs"),
    ready: "/health",
    test: testCommand,
    credentials: `reviewer:${password}`,
    "ssh-key": sshKey,
    "github-token": secrets["github-token"],
    "ngrok-authtoken": secrets["ngrok-authtoken"],
    "verify-webhooks": "github /hooks/github GITHUB_WEBHOOK_SECRET",
    env: "FROM_ENV_INPUT=yes",
    "stop-grace": "2s",
  };
  if (options.scenarios) {
    const scenarioFile = path.join(dir, "leak.yml");
    writeFileSync(
      scenarioFile,
      [
        "scenarios:",
        "  - name: the app's answer is quoted in the reports",
        "    provider: github",
        "    event: ping",
        "    path: /hooks/github",
        "    secret-env: GITHUB_WEBHOOK_SECRET",
        "    expect:",
        "      status: 200",
        "      body-contains: a text the app never sends",
        "",
      ].join("\n"),
    );
    inputs.scenarios = scenarioFile;
    inputs["junit-path"] = path.join(dir, "junit.xml");
  }
  return { secrets, stepEnv, inputs, files };
}

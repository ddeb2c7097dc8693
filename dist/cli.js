#!/usr/bin/env node
import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});

// builtin:util
var builtin = __require("node:util");
var parseArgs = /* @__PURE__ */ (() => builtin.parseArgs)();

// src/config/inputs/app.ts
var APP_INPUTS = {
  start: {
    description: "Shell command that starts the app under test (run through bash, or cmd on Windows), e.g. `npm start`. Required, unless `services` lists several.",
    default: "",
    placeholder: "<command>"
  },
  stop: {
    description: "Shell command run at teardown before the app's process tree is stopped, with the same environment and directory as `start`, e.g. `docker compose down -v`. It runs however the run ends (passed, failed, cancelled, in the post step when the main step was killed), is killed after `stop-grace`, and its output goes to the app's log; a failure is a warning in the summary.",
    default: "",
    placeholder: "<command>"
  },
  setup: {
    description: "Shell command run once before `start`, with the same environment and directory (migrations, seeding). If it fails, the run stops (exit code 3) with its last output.",
    default: "",
    placeholder: "<command>"
  },
  "start-mode": {
    description: "`attached`: `start` is the app, and its exit is a crash. `detached`: `start` launches the app elsewhere and may exit 0 (e.g. `docker compose up -d --wait`); readiness decides, and while the preview is up the readiness probe watches it (every 2s, down after 3 failures in a row). `auto`: attached, but detached when `stop` is set and `start` exits 0. A non-zero exit of `start` always fails at once.",
    default: "auto",
    placeholder: "<auto|attached|detached>"
  },
  "working-directory": {
    description: "Directory the app and the test command run in, relative to the workspace (with `services`, each one's `working-directory` is relative to it).",
    default: ".",
    placeholder: "<dir>"
  },
  port: {
    description: "Port the app listens on, given to it as `PORT`. Empty: `PORT` from `env` if set there, else a free port is chosen and passed as `PORT`. When both are given they must agree.",
    default: "",
    placeholder: "<1-65535>"
  },
  env: {
    description: "Extra environment for the app: one `KEY=VALUE` per line (lines starting with `#` are skipped). With `services`, for every service (a service's own `env` wins). `PORT` here is the app's port, as if given in `port` (both given: they must agree).",
    default: "",
    placeholder: "<KEY=VALUE lines>"
  },
  ready: {
    description: "How to tell the app is ready: a URL (`http://127.0.0.1:3000/health`), a path on the app's port (`/health`), `tcp` (the port accepts connections) or `log:<regex>` (a line of its output matches). Empty: GET `/` on the app's port.",
    default: "",
    placeholder: "<url|/path|tcp|log:regex>"
  },
  "ready-timeout": {
    description: "How long to wait for the app to become ready, e.g. `500ms`, `90s`, `2m` (with `services`, for each one that sets none).",
    default: "60s",
    placeholder: "<duration>"
  },
  "ready-status": {
    description: "HTTP statuses that count as ready: codes, ranges or classes, e.g. `200-399`, `200,204`, `2xx`.",
    default: "200-399",
    placeholder: "<statuses>"
  },
  "stop-grace": {
    description: "Time between SIGTERM and SIGKILL when stopping the app's process tree, and the longest a `stop` command may run.",
    default: "5s",
    placeholder: "<duration>"
  },
  services: {
    description: "Several services behind one gate and one tunnel: a YAML list (inline, or the path of a YAML file) of `name` and `start`, with optional `stop`, `setup`, `start-mode`, `port`, `ready`, `ready-timeout`, `working-directory`, `env`, `path` (route prefix at the gate, `/` by default; `none`: no requests), `strip-prefix` and `depends-on`. They start in dependency order (independent ones in parallel) and stop in reverse; each gets the others' local URLs as `<NAME>_URL`. Replaces `start`, `stop`, `setup`, `port` and `ready`.",
    default: "",
    placeholder: "<YAML list|file>"
  }
};

// src/config/inputs/gate.ts
var GATE_INPUTS = {
  auth: {
    description: "How the preview is protected: `basic` (browser login prompt), `bearer` (an `Authorization: Bearer` token), `github` (reviewers sign in with GitHub; see `github-oauth-client-id` and `github-allow`) or `none`.",
    default: "basic",
    placeholder: "<basic|bearer|github|none>"
  },
  credentials: {
    description: "`user:password` for `basic`, a token for `bearer` (and for the run's own token beside the GitHub sign-in with `github`); pass it from a secret. Empty: generated (24 random bytes) and masked.",
    default: "",
    placeholder: "<user:password|token>"
  },
  "allow-cidrs": {
    description: "Client addresses allowed to reach the preview: IPv4/IPv6 CIDRs or single addresses, separated by commas or newlines. Empty: any address.",
    default: "",
    placeholder: "<cidrs>"
  },
  "request-headers": {
    description: "Headers added to every request proxied to the app: one `Name: value` per line.",
    default: "",
    placeholder: "<Name: value lines>"
  },
  "max-body": {
    description: "Largest request body the gate lets through (413 beyond it), e.g. `512kb`, `25mb`, `1gb`.",
    default: "25mb",
    placeholder: "<size>"
  },
  "verify-webhooks": {
    description: "Webhook paths that skip user auth when their signature verifies: one `<provider> <path-prefix> <SECRET_ENV_VAR>` per line. Providers: github, stripe, slack, shopify, twilio, standard-webhooks, svix, pagerduty, gitlab, linear, square, discord (the variable holds the application's public key), paddle.",
    default: "",
    placeholder: "<provider path ENV lines>"
  },
  record: {
    description: "Path of the HAR file recording requests through the gate; `none` turns recording off. Empty: a file under `RUNNER_TEMP`.",
    default: "",
    placeholder: "<path|none>"
  },
  "record-body-limit": {
    description: "Bytes of each request and response body kept in the recording, e.g. `64kb`; `0b` keeps none.",
    default: "64kb",
    placeholder: "<size>"
  },
  inspector: {
    description: "Live request inspector at `/__preview/inspect` on the preview, behind the same sign-in: requests as they happen, details redacted as in the HAR, replay with edits (webhook deliveries signed again), copy as curl, Download HAR. Empty: on, unless `auth` is `none` (then anyone with the URL could watch the traffic; `true` turns it on anyway, with a warning). `false` turns it off; the path then goes to the app like any other.",
    default: "",
    placeholder: "<true|false>"
  }
};

// src/config/inputs/github.ts
var PUBLISH_INPUTS = {
  "github-token": {
    description: "Token used to post the pull request comment and the deployment. Needs `pull-requests: write` (comment) and `deployments: write` (deployment) in the job's `permissions`.",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not JS
    default: "${{ github.token }}",
    placeholder: "<token>"
  },
  comment: {
    description: "Post a sticky comment on the pull request with the preview's URL, the commit it serves and its status, updated in place as the run goes (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>"
  },
  "comment-key": {
    description: "Tells this preview's comment apart from others on the same pull request (e.g. one per app in a matrix): letters, digits, `.`, `_` and `-`.",
    default: "preview",
    placeholder: "<key>"
  },
  "comment-mode": {
    description: "What to do with this preview's comment from an earlier run: `update` it in place, `recreate` it (delete and post a new one, so it comes last), or `minimize-old` (hide the earlier one as outdated and post a new one).",
    default: "update",
    placeholder: "<update|recreate|minimize-old>"
  },
  deployment: {
    description: "Create a GitHub deployment for the preview (shown on the pull request with a link to the URL; marked inactive at teardown) (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>"
  },
  environment: {
    description: "Deployment environment: `<number>` is replaced by the pull request number and `<ref>` by the branch name. Without a pull request (push, workflow_dispatch) a name containing `<number>` becomes `preview-<ref>`.",
    default: "pr-<number>",
    placeholder: "<name>"
  }
};
var PUBLISH_OUTPUTS = {
  "comment-id": "ID of the pull request comment showing the preview (empty when none was posted).",
  "deployment-id": "ID of the GitHub deployment of the preview (empty when none was created).",
  environment: "Deployment environment of the preview (empty when no deployment was created)."
};

// src/util/multi-search.ts
var TABLE_BITS = 15;
var TABLE_MASK = (1 << TABLE_BITS) - 1;

// src/github/settings.ts
var DEFAULT_WEBHOOK_PATH = "/webhooks/github";
var DEFAULT_WEBHOOK_SECRET_ENV = "GITHUB_WEBHOOK_SECRET";

// src/config/inputs/github-webhook.ts
var GITHUB_WEBHOOK_INPUTS = {
  "github-webhook": {
    description: "Events a temporary repository webhook subscribes to for the length of the run, so GitHub itself delivers them to the preview, e.g. `push, pull_request, issue_comment` (comma or newline separated; `*` for all). GitHub's ping must be answered 2xx; `expect-deliveries` scenarios check later deliveries. Needs `github-webhook-token`. Empty: no webhook.",
    default: "",
    placeholder: "<events>"
  },
  "github-webhook-path": {
    description: "Path on the preview GitHub delivers to; the gate verifies GitHub's signature there (as `verify-webhooks` would).",
    default: DEFAULT_WEBHOOK_PATH,
    placeholder: "<path>"
  },
  "github-webhook-token": {
    description: "Token that creates and deletes the temporary webhook: a fine-grained personal access token or a GitHub App installation token (e.g. from `actions/create-github-app-token`) with the repository permission Webhooks: write. The workflow's `GITHUB_TOKEN` cannot manage webhooks.",
    default: "",
    placeholder: "<token>"
  },
  "github-webhook-secret-env": {
    description: "Environment variable the app gets the webhook's secret in (made for the run and masked), to verify `X-Hub-Signature-256` with.",
    default: DEFAULT_WEBHOOK_SECRET_ENV,
    placeholder: "<NAME>"
  }
};

// src/config/inputs/idp.ts
var IDP_INPUTS = {
  idp: {
    description: "Start a strict test OpenID Connect provider, served by the gate under `<preview URL>/__preview/idp` (exempt from the gate's login), and give the app its settings in its environment: `OIDC_ISSUER`, `OIDC_CLIENT_ID`, `OIDC_CLIENT_SECRET` (generated per run, masked) and `OIDC_REDIRECT_URI` (`true` or `false`). An OAuth scenario in `scenarios` starts it too.",
    default: "false",
    placeholder: "<true|false>"
  },
  "idp-users": {
    description: "Test users of the identity provider, as YAML or JSON (inline, or the path of a file relative to the workspace): a list of users, each with `sub` and optionally `email`, `name` and any other claims (e.g. `groups`). Empty: one user `alice` (`alice@example.com`, `Alice Example`). Scripted logins pick one with `login_hint=<sub or email>`; `login_hint=deny` refuses consent.",
    default: "",
    placeholder: "<YAML|JSON|file>"
  },
  "idp-require-pkce": {
    description: "Make the identity provider refuse authorization requests without PKCE (a `code_challenge` with method S256) (`true` or `false`).",
    default: "true",
    placeholder: "<true|false>"
  },
  "idp-env-prefix": {
    description: "Prefix of the app's environment variables with the identity provider's settings: `<prefix>ISSUER`, `<prefix>CLIENT_ID`, `<prefix>CLIENT_SECRET` and `<prefix>REDIRECT_URI`.",
    default: "OIDC_",
    placeholder: "<prefix>"
  },
  "idp-redirect-paths": {
    description: "Redirect URIs registered for the app at the identity provider, as paths on the preview's public URL, separated by commas or new lines, compared exactly. The first one is passed as `<prefix>REDIRECT_URI`.",
    default: "/auth/callback",
    placeholder: "<paths>"
  },
  "idp-client-id": {
    description: "The app's `client_id` at the identity provider (its secret is generated for each run).",
    default: "preview-app",
    placeholder: "<client-id>"
  }
};

// src/config/inputs/relay.ts
var RELAY_INPUTS = {
  mode: {
    description: '`preview`: run the preview. `relay`: in a `workflow_run` workflow, publish the comment and deployment of a preview run on a pull request from a fork, from the status artifacts it uploaded (see "Pull requests from forks"); only the publishing inputs and `relay-*` are read then.',
    default: "preview",
    placeholder: "<preview|relay>"
  },
  publish: {
    description: "Where the preview is published: `direct` (the comment and deployment, with `github-token`), `relay` (only status artifacts, for a relay workflow to publish), or `auto`: direct, but status artifacts when the pull request comes from a fork or GitHub refuses the token.",
    default: "auto",
    placeholder: "<auto|direct|relay>"
  },
  "relay-timeout": {
    description: "With `mode: relay`: how long the relay of a `requested` event follows the preview run before it leaves the final state to the relay of its `completed` event, e.g. `60m`.",
    default: "60m",
    placeholder: "<duration>"
  },
  "relay-allowed-hosts": {
    description: "With `mode: relay`: hosts of self-hosted tunnels whose preview URLs may be links, separated by commas or newlines: `preview.example.com` (that host) or `*.tunnels.example.com` (its subdomains). URLs on known tunnel domains always may; any other is shown as text, with a warning.",
    default: "",
    placeholder: "<hosts>"
  }
};

// src/config/inputs/run.ts
var RUN_INPUTS = {
  provider: {
    description: "Tunnel provider: `ngrok`, `cloudflared` (quick tunnel), `ssh` (localhost.run, pinggy, serveo, sish or any sshd), `local` (no tunnel: the preview is on loopback), or `auto`: ngrok when an authtoken is set (`ngrok-authtoken` or `NGROK_AUTHTOKEN`), otherwise cloudflared on a GitHub runner, otherwise local.",
    default: "auto",
    placeholder: "<name>"
  },
  test: {
    description: "Shell command run against the preview once it is up, with `PREVIEW_URL` in its environment. Its exit code is the step's result.",
    default: "",
    placeholder: "<command>"
  },
  "keep-alive": {
    description: "How long to keep the preview up after the tests before tearing it down, e.g. `10m`. In background mode the post step holds it this long before stopping it.",
    default: "0s",
    placeholder: "<duration>"
  },
  "keep-running": {
    description: "Keep the preview up after this step (background mode), so later steps can use `steps.<id>.outputs.url`; the post step tears it down. Background mode is also used when there is no `test`.",
    default: "false",
    placeholder: "<true|false>"
  },
  "fail-on-crash": {
    description: "In background mode, fail the job in the post step (with the app's last output) if the app exited while the preview was up.",
    default: "true",
    placeholder: "<true|false>"
  }
};

// src/scenarios/settings.ts
var DEFAULT_SCENARIO_TIMEOUT_MS = 3e4;
var SCENARIO_LIMITS = { scenarios: 1e3, fileBytes: 1024 * 1024, aliases: 1e3 };

// src/config/inputs/scenarios.ts
var SCENARIO_INPUTS = {
  scenarios: {
    description: "Webhook scenario files (YAML) to run against the preview's public URL once it is up: paths or globs (e.g. `webhooks/*.yml`), one per line, relative to the workspace. Each delivery is signed as its provider signs it. Empty: none.",
    default: "",
    placeholder: "<files|globs>"
  },
  "junit-path": {
    description: "Where the webhook scenarios' JUnit XML report is written. Empty: `scenarios-junit.xml` in the run's folder under `RUNNER_TEMP`.",
    default: "",
    placeholder: "<path>"
  },
  "scenario-timeout": {
    description: "Longest wait for the response to one webhook delivery (or for one step of an OAuth login), e.g. `10s`; a scenario's own `timeout` wins.",
    default: `${DEFAULT_SCENARIO_TIMEOUT_MS / 1e3}s`,
    placeholder: "<duration>"
  },
  "browser-path": {
    description: "Chromium or Chrome executable for OAuth scenarios with `browser: true` (driven headless with playwright-core, which the action ships): a path, or a command on `PATH`. Empty: `CHROME_PATH`, else the first of `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on `PATH` (GitHub-hosted Ubuntu runners have Google Chrome). Only checked when such a scenario exists.",
    default: "",
    placeholder: "<path>"
  }
};
var SCENARIO_OUTPUTS = {
  passed: "Number of webhook scenarios that passed (0 when none ran).",
  failed: "Number of webhook scenarios that failed (0 when none ran).",
  "junit-path": "Path of the webhook scenarios' JUnit XML report (empty when no scenarios ran)."
};

// src/config/inputs/signin.ts
var SIGNIN_INPUTS = {
  "github-oauth-client-id": {
    description: "With `auth: github`: the client ID of the GitHub App or OAuth App reviewers sign in with; its device flow must be enabled. Not a secret; no client secret is needed. Required with `auth: github`.",
    default: "",
    placeholder: "<client-id>"
  },
  "github-allow": {
    description: "With `auth: github`: who may open the preview. A permission level on the repository (`read`, `triage`, `write`, `maintain`, `admin`; higher levels included), `author` (the pull request's author), `users: <login>, <login>`, `teams: <org>/<team-slug>, ...`; one entry per line (or separated by `;`). Anyone matching one entry gets in; given entries replace the default. On a public repository `read` means every GitHub user.",
    default: "write, author",
    placeholder: "<rules>"
  },
  "github-session-ttl": {
    description: "With `auth: github`: how long a sign-in lasts, e.g. `8h`. Empty: as long as the preview (a cookie that ends with the browser session).",
    default: "",
    placeholder: "<duration>"
  },
  "github-repository": {
    description: "With `auth: github`: the repository whose access decides who gets in, as `owner/name`. Empty: the workflow's repository (`GITHUB_REPOSITORY`); the CLI outside Actions needs it.",
    default: "",
    placeholder: "<owner/name>"
  }
};

// src/tunnel/settings.ts
var DEFAULT_CLOUDFLARED_VERSION = "2026.8.2";
var DEFAULT_TUNNEL_TIMEOUT_MS = 6e4;
var DEFAULT_SSH_HOST = "localhost.run";

// src/config/inputs/tunnel.ts
var TUNNEL_INPUTS = {
  "tunnel-timeout": {
    description: "How long the tunnel may take to come up and answer through its public URL (and to come back after a drop), e.g. `60s`, `2m`.",
    default: `${DEFAULT_TUNNEL_TIMEOUT_MS / 1e3}s`,
    placeholder: "<duration>"
  },
  "ssh-host": {
    description: "SSH tunnel service for `provider: ssh`: `localhost.run`, `a.pinggy.io`, `serveo.net`, a sish server or any OpenSSH server.",
    default: DEFAULT_SSH_HOST,
    placeholder: "<host>"
  },
  "ssh-port": {
    description: "Port of the SSH service. Empty: 443 for pinggy, 22 otherwise.",
    default: "",
    placeholder: "<1-65535>"
  },
  "ssh-user": {
    description: "SSH user. Empty: `nokey` for localhost.run, `http` for pinggy (a tunnel-type keyword, not a login), otherwise the runner's user.",
    default: "",
    placeholder: "<user>"
  },
  "ssh-key": {
    description: "Private key (its text, from a secret) to log in with; written 0600 under the run's temp dir and deleted at teardown. Empty: anonymous (localhost.run, pinggy, serveo).",
    default: "",
    placeholder: "<private key text>"
  },
  "ssh-known-hosts": {
    description: "known_hosts lines pinning the service's host key. Empty: the key is accepted on first use and recorded in a run-local known_hosts file.",
    default: "",
    placeholder: "<known_hosts lines>"
  },
  "ssh-remote": {
    description: "Remote side of `ssh -R`: `[bind_address:]port`, or `name:port` for a sish subdomain. Empty: `80` for localhost.run and serveo, `0` (the server picks) otherwise.",
    default: "",
    placeholder: "<[address:]port>"
  },
  "ssh-url": {
    description: "Public URL for servers that print only the allocated port (plain sshd): a template such as `https://{port}.example.com` or `http://127.0.0.1:{port}`. Empty: the URL the service prints.",
    default: "",
    placeholder: "<url template>"
  },
  "cloudflared-version": {
    description: "cloudflared release to download (checksum-verified, cached with the tool cache) when no `cloudflared` is on PATH.",
    default: DEFAULT_CLOUDFLARED_VERSION,
    placeholder: "<version>"
  },
  "ngrok-authtoken": {
    description: "ngrok authtoken (from a secret). Empty: the `NGROK_AUTHTOKEN` environment variable.",
    default: "",
    placeholder: "<token>"
  },
  "ngrok-domain": {
    description: "Domain reserved in your ngrok account (e.g. your free dev domain), for a stable URL such as an OAuth redirect. Empty: one ngrok assigns.",
    default: "",
    placeholder: "<domain>"
  },
  "ngrok-traffic-policy": {
    description: "ngrok Traffic Policy passed to the endpoint: a file path, or the policy inline as YAML or JSON.",
    default: "",
    placeholder: "<file|yaml|json>"
  }
};

// src/config/names.ts
var INPUTS = {
  ...APP_INPUTS,
  ...RUN_INPUTS,
  ...GATE_INPUTS,
  ...SIGNIN_INPUTS,
  ...TUNNEL_INPUTS,
  ...PUBLISH_INPUTS,
  ...SCENARIO_INPUTS,
  ...GITHUB_WEBHOOK_INPUTS,
  ...IDP_INPUTS,
  ...RELAY_INPUTS
};
var OUTPUTS = {
  url: "URL of the preview (no trailing slash).",
  provider: "Tunnel provider that was used.",
  "app-log": "Path of the file holding the app's output (stdout and stderr), e.g. to upload as an artifact. With `services`, the first service's.",
  "logs-dir": "Folder of the services' logs, one `<name>.log` each (the app's alone is `app.log`).",
  "test-exit-code": "Exit code of the test command, when one ran.",
  username: "User name for basic auth (when `auth` is `basic`).",
  password: "Password for basic auth (masked; generated unless `credentials` was given).",
  token: "Bearer token (when `auth` is `bearer`, or the run's own token with `github`; masked; generated unless `credentials` was given).",
  "auth-header": "A ready `Authorization` header value for the preview (masked), for later steps' requests.",
  "har-path": "Path of the HAR file recording every request through the gate (open it in a browser's devtools).",
  "inspector-url": "URL of the live request inspector on the preview (`<url>/__preview/inspect`, same sign-in as the preview); empty when `inspector` is off.",
  ...PUBLISH_OUTPUTS,
  ...SCENARIO_OUTPUTS
};

// src/errors.ts
var EXIT = {
  ok: 0,
  testFailed: 1,
  invalidInput: 2,
  startFailed: 3,
  /** 128 + signal number, as shells report a run ended by a signal. */
  sigint: 130,
  sigterm: 143
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/util/logger.ts
function consoleLogger(stream = process.stderr, verbose = false) {
  const line = (text) => stream.write(`${text}
`);
  return {
    info: (m) => line(`preview-tunnel: ${m}`),
    warning: (m) => line(`preview-tunnel: warning: ${m}`),
    error: (m) => line(`preview-tunnel: error: ${m}`),
    debug: (m) => {
      if (verbose) line(`preview-tunnel: debug: ${m}`);
    },
    startGroup: (title) => line(`\u2500\u2500 ${title}`),
    endGroup: () => line("\u2500\u2500"),
    write: (text) => stream.write(text)
  };
}

// src/cli/io.ts
var WATCHDOG_COMMAND = "__watchdog";

// builtin:fs
var builtin2 = __require("node:fs");
var mkdirSync = /* @__PURE__ */ (() => builtin2.mkdirSync)();
var readFileSync = /* @__PURE__ */ (() => builtin2.readFileSync)();
var statSync = /* @__PURE__ */ (() => builtin2.statSync)();

// builtin:path
var builtin3 = __require("node:path");
var path_default = builtin3;

// src/cli/secret-files.ts
var SECRET_INPUTS = [
  "credentials",
  "ssh-key",
  "ngrok-authtoken",
  "github-token",
  "github-webhook-token"
];
var fileFlag = (name) => `${name}-file`;
function secretFileOptions() {
  return Object.fromEntries(SECRET_INPUTS.map((name) => [fileFlag(name), { type: "string" }]));
}
var MAX_SECRET_FILE_BYTES = 64 * 1024;
function readSecretFiles(values, cwd) {
  const read = {};
  for (const name of SECRET_INPUTS) {
    const given = values[fileFlag(name)];
    if (typeof given !== "string") continue;
    if (values[name] !== void 0)
      throw new Error(`--${name} and --${fileFlag(name)} were both given: give one`);
    const file = path_default.resolve(cwd, given);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === void 0) throw new Error(`--${fileFlag(name)}: ${file} does not exist`);
    if (!stat.isFile()) throw new Error(`--${fileFlag(name)}: ${file} is not a file`);
    if (stat.size > MAX_SECRET_FILE_BYTES)
      throw new Error(`--${fileFlag(name)}: ${file} has ${stat.size} bytes, too many for a key or token`);
    try {
      read[name] = readFileSync(file, "utf8");
    } catch (error) {
      throw new Error(
        `--${fileFlag(name)}: ${file} cannot be read (${error.code})`
      );
    }
  }
  return read;
}
var LOOKS_LIKE_OPTION = /^--?[A-Za-z]/;
function joinDashValues(argv, stringFlags) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === "--") return [...out, ...argv.slice(i)];
    if (arg.startsWith("--") && stringFlags.has(arg.slice(2)) && next?.startsWith("-") && !LOOKS_LIKE_OPTION.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

// src/cli/usage.ts
var VERSION = true ? "0.1.0" : "dev";
var REPLAY_USAGE = [
  "  preview-tunnel replay <file.har> [--to <url>] [--filter <regex>]",
  '                        [--secret <provider>=<ENV_VAR>]... [--header "Name: value"]...',
  "      Re-sends the recorded requests in order (to --to, default the recorded URL) and prints",
  '      each status. --filter matches "METHOD /path?query". Webhook deliveries are signed again',
  "      with the secret in ENV_VAR for that provider. Exit 1 if a request got no response."
].join("\n");
function usage() {
  const flags = Object.entries(INPUTS).map(([name, spec]) => {
    const def = spec.default ? ` (default: ${spec.default})` : "";
    const fromFile = SECRET_INPUTS.includes(name) ? `
  --${name}-file <path>
      The value of --${name}, read from a file (keeps the secret off the command line).` : "";
    return `  --${name} ${spec.placeholder}
      ${spec.description.replace(/`/g, "")}${def}${fromFile}`;
  });
  return [
    `preview-tunnel ${VERSION}: boot an app, wait until it is ready, expose it, test it, tear it all down.`,
    "",
    "Usage:",
    '  preview-tunnel run --start "<command>" [--port <n>] [--test "<command>"] [options]',
    '  preview-tunnel run --services <services.yml> [--test "<command>"] [options]',
    "  preview-tunnel replay <file.har> [options]",
    "  preview-tunnel --help | --version",
    "",
    "Options of run (the same names as the action's inputs):",
    ...flags,
    "",
    "Every option can also come from the environment as PREVIEW_TUNNEL_<NAME> (e.g.",
    "PREVIEW_TUNNEL_SSH_KEY). Secrets (--credentials, --ssh-key, --ngrok-authtoken,",
    "--github-token) are better given that way or from a file (--ssh-key-file key): a command",
    'line is visible to other users of the machine. A value may start with "-" (--ssh-key',
    '"$(cat key)" or --ssh-key="$(cat key)") unless it looks like an option.',
    "",
    "Without --test, --scenarios and --keep-alive the preview stays up until Ctrl-C. The preview's",
    "credentials are printed (PREVIEW_USERNAME/PREVIEW_PASSWORD or PREVIEW_TOKEN, and",
    "PREVIEW_AUTH_HEADER) beside PREVIEW_URL.",
    "",
    "Replay:",
    REPLAY_USAGE,
    "",
    "Exit codes: 0 test passed (or no test), 1 test failed, 2 invalid input,",
    "3 app or tunnel could not start, 130/143 interrupted by SIGINT/SIGTERM.",
    ""
  ].join("\n");
}

// src/cli/cli.ts
var defaultIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  ...process.argv[1] ? { script: process.argv[1] } : {}
};
async function runCli(argv, io = defaultIo) {
  if (argv[0] === "replay") return (await import("./cli-replay.js")).runReplay(argv.slice(1), io);
  if (argv[0] === WATCHDOG_COMMAND) return (await import("./cli-watchdog.js")).runWatchdog(argv.slice(1));
  const logger = consoleLogger(io.stderr);
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    logger.error(`${errorMessage(error)}
Run "preview-tunnel --help" for the options.`);
    return EXIT.invalidInput;
  }
  if (parsed.values.help) {
    io.stdout.write(usage());
    return EXIT.ok;
  }
  if (parsed.values.version) {
    io.stdout.write(`${VERSION}
`);
    return EXIT.ok;
  }
  const [command, ...rest] = parsed.positionals;
  if (command !== "run" || rest.length > 0) {
    logger.error(
      command === void 0 ? 'Missing command: use "preview-tunnel run --start <command>" (see --help).' : `Unknown command "${[command, ...rest].join(" ")}": the commands are "run" and "replay" (see --help).`
    );
    return EXIT.invalidInput;
  }
  let fromFiles;
  try {
    fromFiles = readSecretFiles(parsed.values, io.cwd);
  } catch (error) {
    logger.error(errorMessage(error));
    return EXIT.invalidInput;
  }
  const values = { ...parsed.values, ...fromFiles };
  return (await import("./cli-run.js")).runCommand(values, io, logger);
}
function parse(argv) {
  const options = {
    ...Object.fromEntries(Object.keys(INPUTS).map((name) => [name, { type: "string" }])),
    ...secretFileOptions()
  };
  return parseArgs({
    args: joinDashValues(argv, new Set(Object.keys(options))),
    allowPositionals: true,
    strict: true,
    options: {
      ...options,
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" }
    }
  });
}

// builtin:module
var builtin4 = __require("node:module");
var module_default = builtin4;

// builtin:os
var builtin5 = __require("node:os");
var tmpdir = /* @__PURE__ */ (() => builtin5.tmpdir)();

// src/util/make-dir.ts
var MakeDirError = class extends Error {
  constructor(dir, reason) {
    super(`cannot create the directory ${dir}: ${reason}`);
    this.dir = dir;
    this.reason = reason;
    this.name = "MakeDirError";
  }
  dir;
  reason;
};
function makeDir(dir, mode) {
  const target = path_default.resolve(dir);
  const missing = [];
  let existing = target;
  for (; ; ) {
    const stat = statSync(existing, { throwIfNoEntry: false });
    if (stat !== void 0) {
      if (!stat.isDirectory()) throw new MakeDirError(target, `${existing} is not a directory`);
      break;
    }
    const parent = path_default.dirname(existing);
    if (parent === existing) throw new MakeDirError(target, `${existing} does not exist`);
    missing.push(existing);
    existing = parent;
  }
  for (const part of missing.reverse()) {
    try {
      mkdirSync(part, mode === void 0 ? void 0 : { mode });
    } catch (error) {
      const code = error.code;
      if (code === "EEXIST" && statSync(part, { throwIfNoEntry: false })?.isDirectory()) continue;
      const why = code === "ENOENT" ? `${path_default.dirname(part)} cannot hold directories` : code === "EACCES" || code === "EPERM" ? `no permission to create ${part}` : code === "EROFS" ? `${path_default.dirname(part)} is on a read-only file system` : `${code ?? "error"} creating ${part}`;
      throw new MakeDirError(target, why);
    }
  }
}

// src/util/compile-cache.ts
function enableCompileCache(env = process.env) {
  const runnerTemp = env.RUNNER_TEMP;
  const dir = runnerTemp ? path_default.join(runnerTemp, "preview-tunnel-compile-cache") : path_default.join(tmpdir(), "node-compile-cache");
  try {
    makeDir(dir);
    module_default.enableCompileCache?.(dir);
  } catch {
  }
}

// src/cli.ts
enableCompileCache();
process.exitCode = await runCli(process.argv.slice(2));

import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  DEFAULT_CLOUDFLARED_VERSION,
  DEFAULT_SSH_HOST,
  DEFAULT_TUNNEL_TIMEOUT_MS
} from "./chunk-ASYGN275.js";
import {
  DEFAULT_SCENARIO_TIMEOUT_MS
} from "./chunk-D6N3VSFQ.js";

// src/config/inputs/app.ts
var APP_INPUTS = {
  start: {
    description: "Shell command that starts the app under test (run through bash, or cmd on Windows), e.g. `npm start`. Required.",
    default: "",
    placeholder: "<command>"
  },
  "working-directory": {
    description: "Directory the app and the test command run in, relative to the workspace.",
    default: ".",
    placeholder: "<dir>"
  },
  port: {
    description: "Port the app listens on, given to it as `PORT`. Empty: a free port is chosen and passed as `PORT`.",
    default: "",
    placeholder: "<1-65535>"
  },
  env: {
    description: "Extra environment for the app: one `KEY=VALUE` per line (lines starting with `#` are skipped).",
    default: "",
    placeholder: "<KEY=VALUE lines>"
  },
  ready: {
    description: "How to tell the app is ready: a URL (`http://127.0.0.1:3000/health`), a path on the app's port (`/health`), `tcp` (the port accepts connections) or `log:<regex>` (a line of its output matches). Empty: GET `/` on the app's port.",
    default: "",
    placeholder: "<url|/path|tcp|log:regex>"
  },
  "ready-timeout": {
    description: "How long to wait for the app to become ready, e.g. `500ms`, `90s`, `2m`.",
    default: "60s",
    placeholder: "<duration>"
  },
  "ready-status": {
    description: "HTTP statuses that count as ready: codes, ranges or classes, e.g. `200-399`, `200,204`, `2xx`.",
    default: "200-399",
    placeholder: "<statuses>"
  },
  "stop-grace": {
    description: "Time between SIGTERM and SIGKILL when stopping the app's process tree.",
    default: "5s",
    placeholder: "<duration>"
  }
};

// src/config/inputs/gate.ts
var GATE_INPUTS = {
  auth: {
    description: "How the preview is protected: `basic` (browser login prompt), `bearer` (an `Authorization: Bearer` token) or `none`.",
    default: "basic",
    placeholder: "<basic|bearer|none>"
  },
  credentials: {
    description: "`user:password` for `basic`, a token for `bearer`; pass it from a secret. Empty: generated (24 random bytes) and masked.",
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
  ...TUNNEL_INPUTS,
  ...PUBLISH_INPUTS,
  ...SCENARIO_INPUTS,
  ...IDP_INPUTS
};
function inputEnvName(name) {
  return `PREVIEW_TUNNEL_${name.toUpperCase().replace(/-/g, "_")}`;
}
var OUTPUTS = {
  url: "URL of the preview (no trailing slash).",
  provider: "Tunnel provider that was used.",
  "app-log": "Path of the file holding the app's output (stdout and stderr), e.g. to upload as an artifact.",
  "test-exit-code": "Exit code of the test command, when one ran.",
  username: "User name for basic auth (when `auth` is `basic`).",
  password: "Password for basic auth (masked; generated unless `credentials` was given).",
  token: "Bearer token (when `auth` is `bearer`; masked; generated unless `credentials` was given).",
  "auth-header": "A ready `Authorization` header value for the preview (masked), for later steps' requests.",
  "har-path": "Path of the HAR file recording every request through the gate (open it in a browser's devtools).",
  ...PUBLISH_OUTPUTS,
  ...SCENARIO_OUTPUTS
};

export {
  INPUTS,
  inputEnvName,
  OUTPUTS
};

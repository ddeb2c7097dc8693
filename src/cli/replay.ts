/**
 * `preview-tunnel replay <har> [--to URL] [--filter REGEX] [--secret PROVIDER=ENV_VAR]...
 * [--header "Name: value"]...`: re-sends recorded requests and prints the status of each.
 * Secrets are named by environment variable, never given on the command line (shell history).
 */

import { parseArgs } from "node:util";
import { EXIT, errorMessage, exitCodeOf } from "../errors.js";
import { type ReplaySecret, replayHar } from "../gate/index.js";
import { SecretRegistry } from "../util/secrets.js";
import { WEBHOOK_PROVIDERS, type WebhookProvider } from "../webhooks/providers.js";
import type { CliIo } from "./io.js";
import { REPLAY_USAGE } from "./usage.js";

export async function runReplay(argv: readonly string[], io: CliIo): Promise<number> {
  // The signing secrets and the added headers' values (credentials) never show in the output,
  // which may quote a recording made elsewhere (with a token in a URL) or an error.
  const secrets = new SecretRegistry();
  const out = (text: string) => io.stdout.write(secrets.redact(text));
  const err = (text: string) => io.stderr.write(secrets.redact(text));
  const fail = (message: string) => {
    err(`preview-tunnel replay: ${message}\n${REPLAY_USAGE}\n`);
    return EXIT.invalidInput;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    return fail(errorMessage(error));
  }
  const [harPath, ...extra] = parsed.positionals;
  if (!harPath || extra.length > 0) return fail("give exactly one HAR file");
  const { to, filter } = parsed.values;

  let pattern: RegExp | undefined;
  try {
    pattern = filter === undefined ? undefined : new RegExp(filter);
  } catch (error) {
    return fail(`--filter is not a regular expression: ${errorMessage(error)}`);
  }
  if (to !== undefined && !/^https?:\/\/[^/]/i.test(to))
    return fail(`--to must be an http(s) URL (got "${to}")`);

  const signers: ReplaySecret[] = [];
  for (const spec of parsed.values.secret ?? []) {
    const [provider, envName] = spec.split("=", 2);
    if (!provider || !(WEBHOOK_PROVIDERS as readonly string[]).includes(provider) || !envName) {
      return fail(
        `--secret must be <provider>=<ENV_VAR> with a provider of ${WEBHOOK_PROVIDERS.join(", ")} (got "${spec}")`,
      );
    }
    const secret = io.env[envName];
    if (!secret) return fail(`--secret ${spec}: the environment variable ${envName} is not set`);
    secrets.add(secret, `--secret ${spec}`);
    signers.push({ provider: provider as WebhookProvider, secret });
  }
  const headers: Record<string, string> = {};
  for (const line of parsed.values.header ?? []) {
    const colon = line.indexOf(":");
    if (colon < 1) return fail(`--header must be "Name: value" (got "${line}")`);
    const value = line.slice(colon + 1).trim();
    headers[line.slice(0, colon).trim().toLowerCase()] = value;
    registerHeaderValue(secrets, value);
  }

  let results: Awaited<ReturnType<typeof replayHar>>;
  try {
    results = await replayHar({ harPath, to, filter: pattern, secrets: signers, headers });
  } catch (error) {
    err(`preview-tunnel replay: ${errorMessage(error)}\n`);
    // A bad recording is bad input (2); anything else failed the replay (1).
    return exitCodeOf(error);
  }
  let errors = 0;
  for (const r of results) {
    if ("error" in r) {
      errors++;
      out(`ERR  ${r.method} ${r.path}  ${r.error}\n`);
    } else {
      out(`${r.status}  ${r.method} ${r.path}${r.signedAs ? `  (signed as ${r.signedAs})` : ""}\n`);
    }
  }
  out(`${results.length} request(s) replayed, ${errors} without a response\n`);
  return errors === 0 ? EXIT.ok : EXIT.testFailed;
}

/**
 * An added header's value is a credential as a whole and without its scheme ("Bearer <token>"),
 * and a Basic one also as the decoded "user:password".
 */
function registerHeaderValue(secrets: SecretRegistry, value: string): void {
  secrets.add(value, "a --header value");
  const [scheme = "", credential = ""] = value.split(/\s+/, 2);
  secrets.add(credential, "a --header credential");
  if (scheme.toLowerCase() === "basic" && credential !== "") {
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    secrets.add(decoded, "a --header credential");
    secrets.add(decoded.slice(decoded.indexOf(":") + 1), "a --header password");
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: "string" },
      filter: { type: "string" },
      secret: { type: "string", multiple: true },
      header: { type: "string", multiple: true },
    },
  });
}

/**
 * `preview-tunnel replay <har> [--to URL] [--filter REGEX] [--secret PROVIDER=ENV_VAR]...
 * [--header "Name: value"]...`: re-sends recorded requests and prints the status of each.
 * Secrets are named by environment variable, never given on the command line (shell history).
 */
import { parseArgs } from "node:util";
import { WEBHOOK_PROVIDERS, type WebhookProvider } from "../config/gate-parse.js";
import { EXIT, errorMessage } from "../errors.js";
import { type ReplaySecret, replayHar } from "../gate/index.js";
import type { CliIo } from "./cli.js";

export const REPLAY_USAGE = [
  "  preview-tunnel replay <file.har> [--to <url>] [--filter <regex>]",
  '                        [--secret <provider>=<ENV_VAR>]... [--header "Name: value"]...',
  "      Re-sends the recorded requests in order (to --to, default the recorded URL) and prints",
  '      each status. --filter matches "METHOD /path?query". Webhook deliveries are signed again',
  "      with the secret in ENV_VAR for that provider. Exit 1 if a request got no response.",
].join("\n");

export async function runReplay(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`preview-tunnel replay: ${message}\n${REPLAY_USAGE}\n`);
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

  const secrets: ReplaySecret[] = [];
  for (const spec of parsed.values.secret ?? []) {
    const [provider, envName] = spec.split("=", 2);
    if (!provider || !(WEBHOOK_PROVIDERS as readonly string[]).includes(provider) || !envName) {
      return fail(
        `--secret must be <provider>=<ENV_VAR> with a provider of ${WEBHOOK_PROVIDERS.join(", ")} (got "${spec}")`,
      );
    }
    const secret = io.env[envName];
    if (!secret) return fail(`--secret ${spec}: the environment variable ${envName} is not set`);
    secrets.push({ provider: provider as WebhookProvider, secret });
  }
  const headers: Record<string, string> = {};
  for (const line of parsed.values.header ?? []) {
    const colon = line.indexOf(":");
    if (colon < 1) return fail(`--header must be "Name: value" (got "${line}")`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }

  let results: Awaited<ReturnType<typeof replayHar>>;
  try {
    results = await replayHar({ harPath, to, filter: pattern, secrets, headers });
  } catch (error) {
    io.stderr.write(`preview-tunnel replay: ${errorMessage(error)}\n`);
    return EXIT.testFailed;
  }
  let errors = 0;
  for (const r of results) {
    if ("error" in r) {
      errors++;
      io.stdout.write(`ERR  ${r.method} ${r.path}  ${r.error}\n`);
    } else {
      io.stdout.write(
        `${r.status}  ${r.method} ${r.path}${r.signedAs ? `  (signed as ${r.signedAs})` : ""}\n`,
      );
    }
  }
  io.stdout.write(`${results.length} request(s) replayed, ${errors} without a response\n`);
  return errors === 0 ? EXIT.ok : EXIT.testFailed;
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

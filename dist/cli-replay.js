import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-E43PBYYW.js";
import {
  WEBHOOK_PROVIDERS
} from "./chunk-WXR4GUQT.js";
import "./chunk-7S3VWT3P.js";
import "./chunk-STNDWCUP.js";
import {
  replayHar
} from "./chunk-FQHZH3D3.js";
import "./chunk-ADOYJPIF.js";
import "./chunk-MTL5JJZW.js";
import {
  SecretRegistry
} from "./chunk-QSITGZFO.js";
import "./chunk-VTIJIBSJ.js";
import "./chunk-VWFGOYLM.js";
import "./chunk-C6CPBUKC.js";
import "./chunk-RIQZ67RY.js";
import "./chunk-YJNIKON3.js";
import "./chunk-DDG4KZIH.js";
import {
  EXIT,
  errorMessage,
  exitCodeOf
} from "./chunk-S4FSG2IO.js";
import "./chunk-PGICO5ZK.js";

// src/cli/secret-files.ts
var MAX_SECRET_FILE_BYTES = 64 * 1024;

// src/cli/usage.ts
var REPLAY_USAGE = [
  "  preview-tunnel replay <file.har> [--to <url>] [--filter <regex>]",
  '                        [--secret <provider>=<ENV_VAR>]... [--header "Name: value"]...',
  "      Re-sends the recorded requests in order (to --to, default the recorded URL) and prints",
  '      each status. --filter matches "METHOD /path?query". Webhook deliveries are signed again',
  "      with the secret in ENV_VAR for that provider. Exit 1 if a request got no response."
].join("\n");

// src/cli/replay.ts
async function runReplay(argv, io) {
  const secrets = new SecretRegistry();
  const out = (text) => io.stdout.write(secrets.redact(text));
  const err = (text) => io.stderr.write(secrets.redact(text));
  const fail = (message) => {
    err(`preview-tunnel replay: ${message}
${REPLAY_USAGE}
`);
    return EXIT.invalidInput;
  };
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    return fail(errorMessage(error));
  }
  const [harPath, ...extra] = parsed.positionals;
  if (!harPath || extra.length > 0) return fail("give exactly one HAR file");
  const { to, filter } = parsed.values;
  let pattern;
  try {
    pattern = filter === void 0 ? void 0 : new RegExp(filter);
  } catch (error) {
    return fail(`--filter is not a regular expression: ${errorMessage(error)}`);
  }
  if (to !== void 0 && !/^https?:\/\/[^/]/i.test(to))
    return fail(`--to must be an http(s) URL (got "${to}")`);
  const signers = [];
  for (const spec of parsed.values.secret ?? []) {
    const [provider, envName] = spec.split("=", 2);
    if (!provider || !WEBHOOK_PROVIDERS.includes(provider) || !envName) {
      return fail(
        `--secret must be <provider>=<ENV_VAR> with a provider of ${WEBHOOK_PROVIDERS.join(", ")} (got "${spec}")`
      );
    }
    const secret = io.env[envName];
    if (!secret) return fail(`--secret ${spec}: the environment variable ${envName} is not set`);
    secrets.add(secret, `--secret ${spec}`);
    signers.push({ provider, secret });
  }
  const headers = {};
  for (const line of parsed.values.header ?? []) {
    const colon = line.indexOf(":");
    if (colon < 1) return fail(`--header must be "Name: value" (got "${line}")`);
    const value = line.slice(colon + 1).trim();
    headers[line.slice(0, colon).trim().toLowerCase()] = value;
    registerHeaderValue(secrets, value);
  }
  let results;
  try {
    results = await replayHar({ harPath, to, filter: pattern, secrets: signers, headers });
  } catch (error) {
    err(`preview-tunnel replay: ${errorMessage(error)}
`);
    return exitCodeOf(error);
  }
  let errors = 0;
  for (const r of results) {
    if ("error" in r) {
      errors++;
      out(`ERR  ${r.method} ${r.path}  ${r.error}
`);
    } else {
      out(`${r.status}  ${r.method} ${r.path}${r.signedAs ? `  (signed as ${r.signedAs})` : ""}
`);
    }
  }
  out(`${results.length} request(s) replayed, ${errors} without a response
`);
  return errors === 0 ? EXIT.ok : EXIT.testFailed;
}
function registerHeaderValue(secrets, value) {
  secrets.add(value, "a --header value");
  const [scheme = "", credential = ""] = value.split(/\s+/, 2);
  secrets.add(credential, "a --header credential");
  if (scheme.toLowerCase() === "basic" && credential !== "") {
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    secrets.add(decoded, "a --header credential");
    secrets.add(decoded.slice(decoded.indexOf(":") + 1), "a --header password");
  }
}
function parse(argv) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: "string" },
      filter: { type: "string" },
      secret: { type: "string", multiple: true },
      header: { type: "string", multiple: true }
    }
  });
}
export {
  runReplay
};

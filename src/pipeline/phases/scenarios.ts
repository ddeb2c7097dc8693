/**
 * The scenarios phase: signed webhook deliveries and OAuth logins (scripted or in a browser)
 * against the public URL, through tunnel and gate. Adds their outcome (the JUnit report
 * written); a failed scenario fails the run. The scenarios' code (signers, payloads, the
 * browser driver) is loaded only by a run that has scenarios.
 */

import { writeFileSync } from "node:fs";
import path from "node:path";
import { errorMessage } from "../../errors.js";
import { clientCredentials } from "../../gate/index.js";
import { githubWebhookEnv } from "../../github/settings.js";
import type { ScenarioKeys } from "../../scenarios/index.js";
import { makeDir } from "../../util/make-dir.js";
import type { RunContext } from "../context.js";
import type { Exposure } from "../reached.js";
import type { ScenarioOutcome } from "../result.js";

export async function scenarios(
  ctx: RunContext,
  exposure: Exposure,
  keys: ScenarioKeys | undefined,
): Promise<void> {
  if (ctx.settings.scenarios.scenarios.length === 0) {
    ctx.clock.skip("scenarios", "no scenario files");
    return;
  }
  const url = ctx.reached.url ?? exposure.tunnel.url;
  const authHeader = clientCredentials(ctx.settings.gate.auth).PREVIEW_AUTH_HEADER;
  const outcome = await ctx.clock.run(
    "scenarios",
    () => runScenarioPhase(ctx, url, authHeader, keys, () => exposure.gate.loginUrl()),
    (r) => `${r.passed} passed, ${r.failed} failed`,
  );
  ctx.reached.scenarios = outcome;
  ctx.passed();
  if (outcome.failed > 0) ctx.fail(`${outcome.failed} scenario(s) failed.`);
}

/**
 * Discord-style scenarios sign with a key pair made for this run (its private half a secret);
 * the app gets the public half in its environment. Undefined when no scenario needs one.
 */
export async function scenarioKeys(ctx: RunContext): Promise<ScenarioKeys | undefined> {
  if (!ctx.settings.scenarios.scenarios.some((s) => s.publicKeyEnv !== undefined)) return undefined;
  const keys = (await import("../../scenarios/index.js")).createScenarioKeys();
  ctx.secrets.add(keys.discord.privateKeyPem, "the scenarios' Discord signing key");
  return keys;
}

/** What the app's environment gets for the scenarios: the public keys they sign with. */
export async function scenarioEnv(
  ctx: RunContext,
  keys: ScenarioKeys | undefined,
): Promise<Record<string, string>> {
  if (!keys) return {};
  return (await import("../../scenarios/index.js")).scenarioAppEnv(ctx.settings.scenarios.scenarios, keys);
}

async function runScenarioPhase(
  ctx: RunContext,
  url: string,
  authHeader: string | undefined,
  keys: ScenarioKeys | undefined,
  /** A new one-time login link of the gate, for browser scenarios. */
  loginUrl: () => string,
): Promise<ScenarioOutcome> {
  const { scenarios, junitPath, timeoutMs, browserPath } = ctx.settings.scenarios;
  ctx.logger.info(`Running ${scenarios.length} scenario(s) against ${url}`);
  const { annotations, junitXml, runScenarios, summaryMarkdown } = await import("../../scenarios/index.js");
  const run = await runScenarios({
    scenarios,
    baseUrl: url,
    authHeader,
    // ${env.X} in scenario files and secret-env read what the app could read, no more (and
    // scenarios signing for the GitHub webhook's path sign with its secret).
    env: ctx.childEnv(githubWebhookEnv(ctx.settings.githubWebhook)),
    redact: (text) => ctx.secrets.redact(text),
    keys,
    githubDeliveries: ctx.reached.githubWebhook?.log,
    signal: ctx.signal,
    logger: ctx.logger,
    timeoutMs,
    browser:
      browserPath === undefined
        ? undefined
        : {
            executablePath: browserPath,
            // The run's marker: the teardown's sweep stops any browser process left behind.
            env: ctx.childEnv(),
            // Next to the HAR, so one upload of that folder has both.
            screenshotsNear: ctx.settings.gate.record?.path ?? path.join(ctx.dir, "browser"),
            loginUrl,
          },
  });
  // Response excerpts quote the app, which may echo a secret (its environment, a header):
  // redacted before rendering (Markdown and XML escape the forms), and once more after.
  const redacted = ctx.secrets.redactDeep(run);
  const redact = (text: string) => ctx.secrets.redact(text);
  try {
    makeDir(path.dirname(junitPath));
    writeFileSync(junitPath, redact(junitXml(redacted)));
  } catch (error) {
    // Checked before the run started; something changed since.
    ctx.fail(
      `The JUnit report (input "junit-path") could not be written to ${junitPath}: ${errorMessage(error)}`,
    );
  }
  ctx.logger.info(`Scenarios: ${run.passed} passed, ${run.failed} failed (JUnit: ${junitPath}).`);
  return {
    passed: run.passed,
    failed: run.failed,
    junitPath,
    summary: redact(summaryMarkdown(redacted)),
    annotations: annotations(redacted).map((a) => ({
      ...a,
      title: redact(a.title),
      message: redact(a.message),
    })),
  };
}

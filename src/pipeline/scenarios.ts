/** The scenarios phase: signed webhook deliveries and OAuth logins (scripted or in a browser) against the public URL, through tunnel and gate. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  annotations,
  junitXml,
  runScenarios,
  type ScenarioKeys,
  summaryMarkdown,
} from "../scenarios/index.js";
import type { RunContext } from "./context.js";
import type { ScenarioOutcome } from "./result.js";

export async function runScenarioPhase(
  ctx: RunContext,
  url: string,
  authHeader: string | undefined,
  keys: ScenarioKeys | undefined,
  /** A new one-time login link of the gate, for browser scenarios. */
  loginUrl: () => string,
): Promise<ScenarioOutcome> {
  const { scenarios, junitPath, timeoutMs, browserPath } = ctx.config.scenarios;
  ctx.logger.info(`Running ${scenarios.length} scenario(s) against ${url}`);
  const run = await runScenarios({
    scenarios,
    baseUrl: url,
    authHeader,
    // ${env.X} in scenario files and secret-env read what the app could read, no more.
    env: ctx.childEnv(),
    redact: (text) => ctx.secrets.redact(text),
    keys,
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
            screenshotsNear: ctx.config.gate.record?.path ?? path.join(ctx.dir, "browser"),
            loginUrl,
          },
  });
  // Response excerpts quote the app, which may echo a secret (its environment, a header):
  // redacted before rendering (Markdown and XML escape the forms), and once more after.
  const redacted = ctx.secrets.redactDeep(run);
  const redact = (text: string) => ctx.secrets.redact(text);
  mkdirSync(path.dirname(junitPath), { recursive: true });
  writeFileSync(junitPath, redact(junitXml(redacted)));
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

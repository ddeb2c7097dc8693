/**
 * Runs scenarios against the preview's PUBLIC URL, so deliveries take the provider's path
 * through tunnel and gate (verified webhook paths skip user auth; the recording sees them).
 * Each delivery is signed right before it is sent, and exactly the signed bytes are sent.
 * Scenarios run one after another by default (a later one may depend on an earlier one);
 * within a scenario, `concurrency` deliveries are in flight at once. A list of `events` goes
 * one after another in its `order`; `duplicate` and `retry` (delivery.ts) resend a delivery
 * with the same delivery id; `then` requests (follow-up.ts) check the app's work afterwards;
 * `expect-deliveries` (expect-deliveries.ts) reads GitHub's own delivery log instead.
 */

import { randomUUID } from "node:crypto";
import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import type { ChromiumLoader } from "./browser/playwright.js";
import { screenshotPaths } from "./browser/screenshot.js";
import {
  duplicateCheck,
  mergeHeaders,
  type Prepared,
  type SigningClock,
  sendDelivery,
  type Unit,
} from "./delivery.js";
import { checkReply } from "./expect.js";
import { checkGithubDeliveries, type GithubDeliveryLog } from "./expect-deliveries.js";
import { type CaptureSource, runFollowUp } from "./follow-up.js";
import { agentsFor } from "./http.js";
import type { ScenarioKeys } from "./keys.js";
import { runBrowserFlow } from "./oauth/browser-run.js";
import { runOAuthFlow } from "./oauth/run.js";
import type { OAuthFlow } from "./oauth/types.js";
import { ordered } from "./order.js";
import { renderBody, renderPath } from "./render.js";
import { followUpLine } from "./report-details.js";
import type { DeliveryResult, LatencySummary, ScenarioResult, ScenarioRun } from "./results.js";
import { DEFAULT_SCENARIO_TIMEOUT_MS } from "./settings.js";
import { PROVIDERS } from "./signers/index.js";
import { render, type TemplateVars } from "./template.js";
import type { Scenario } from "./types.js";

export type {
  AttemptResult,
  DeliveryResult,
  FollowUpResult,
  LatencySummary,
  ScenarioResult,
  ScenarioRun,
} from "./results.js";

/** What OAuth scenarios with `browser: true` need. */
export interface BrowserSettings {
  /** Chromium or Chrome. */
  readonly executablePath: string;
  /** Of the browser's processes: the run's marker goes in, so a leftover is found and stopped. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Screenshots go next to this file (the HAR): `<its folder>/<its name>.<scenario>.png`. */
  readonly screenshotsNear: string;
  /** A new one-time login link of the gate: the browser signs in with it (as a reviewer's does). */
  readonly loginUrl?: () => string;
  /** Loads playwright-core (tests may pass their own). */
  readonly load?: ChromiumLoader;
}

export interface RunOptions {
  readonly scenarios: readonly Scenario[];
  /** The preview's PUBLIC URL (the tunnel's); `${preview.url}` and signed URLs use it. */
  readonly baseUrl: string;
  /**
   * The preview's Authorization value ("Basic ...", "Bearer ..."). Sent only by scenarios
   * with `send-auth: true`: a provider cannot send it, so by default neither does the runner.
   */
  readonly authHeader?: string;
  /** Where secret-env and ${env.X} are read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Redacts the run's secrets from responses before reports quote them (default: nothing). */
  readonly redact?: (text: string) => string;
  /** Needed by discord scenarios: the run's key pair (createScenarioKeys()). */
  readonly keys?: ScenarioKeys;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  /** Per-delivery timeout unless a scenario sets its own (default 30 s). */
  readonly timeoutMs?: number;
  /** Scenarios run at once (default 1: in file order). */
  readonly parallel?: number;
  /** Deliveries in flight across all scenarios (default: no limit beyond each scenario's concurrency). */
  readonly maxInFlight?: number;
  /** Needed by OAuth scenarios with `browser: true`. */
  readonly browser?: BrowserSettings;
  /** The run's temporary GitHub webhook: what `expect-deliveries` scenarios read. */
  readonly githubDeliveries?: GithubDeliveryLog;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1] as number;
}

export function latencySummary(latencies: readonly number[]): LatencySummary | undefined {
  if (latencies.length === 0) return undefined;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
  };
}

/** At most `max` tasks at once, started in call order. */
class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

function prepare(s: Scenario, options: RunOptions, vars: TemplateVars): Prepared {
  let secret: string;
  if (PROVIDERS[s.provider].key === "ed25519") {
    if (!options.keys) {
      throw new Error(
        `${s.provider} scenarios need the run's key pair: create it with createScenarioKeys() and give the app scenarioAppEnv()`,
      );
    }
    secret = options.keys.discord.privateKeyPem;
  } else {
    const value = s.secretEnv === undefined ? undefined : options.env[s.secretEnv];
    if (!value) throw new Error(`secret-env ${s.secretEnv ?? "(none)"} is not set or empty`);
    secret = value;
  }
  if (s.sendAuth && options.authHeader === undefined) {
    throw new Error("send-auth is true but the preview has no credentials to send (auth: none)");
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of s.headers) headers[name] = render(value, vars);
  return {
    url: options.baseUrl.replace(/\/+$/, "") + renderPath(s.path, vars),
    secret,
    headers:
      s.sendAuth && options.authHeader
        ? mergeHeaders(headers, { Authorization: options.authHeader })
        : headers,
    vars,
  };
}

/** The bodies to deliver, rendered: the list of `events` (in list order), or the scenario's own. */
function units(s: Scenario, vars: TemplateVars): Unit[] {
  const events = s.behaviour?.events;
  if (events === undefined) {
    return [
      {
        event: s.event,
        label: undefined,
        body: renderBody(s.body, s.contentType, vars),
        contentType: s.contentType,
      },
    ];
  }
  return events.map((e) => ({
    event: e.event,
    label: e.label,
    body: renderBody(e.body, e.contentType, vars),
    contentType: e.contentType,
  }));
}

interface RunContext {
  readonly agents: ReturnType<typeof agentsFor>;
  readonly inFlight: Limiter;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** Of each browser scenario. */
  readonly screenshots: ReadonlyMap<Scenario, string>;
}

/** An OAuth scenario: the login, scripted or in a browser, as one "delivery" holding every mismatch. */
async function runLogin(
  s: Scenario,
  flow: OAuthFlow,
  options: RunOptions,
  run: RunContext,
  vars: TemplateVars,
  started: number,
): Promise<ScenarioResult> {
  const common = {
    baseUrl: options.baseUrl,
    authHeader: options.authHeader,
    vars,
    timeoutMs: run.timeoutMs,
    signal: run.signal,
  };
  const browser = options.browser;
  const outcome =
    flow.browser && browser
      ? await runBrowserFlow(s, flow, {
          ...common,
          executablePath: browser.executablePath,
          env: browser.env,
          // Every browser scenario of the run has one (runScenarios made them unique).
          screenshot: run.screenshots.get(s) as string,
          ...(options.logger ? { logger: options.logger } : {}),
          ...(browser.loginUrl ? { loginUrl: browser.loginUrl } : {}),
          ...(browser.load ? { load: browser.load } : {}),
        })
      : await runOAuthFlow(s, flow, { ...common, agents: run.agents });
  const passed = outcome.error === undefined && outcome.mismatches.length === 0;
  return {
    scenario: s,
    passed,
    error: undefined,
    deliveries: [
      {
        index: 0,
        passed,
        status: outcome.status,
        latencyMs: outcome.latencyMs,
        mismatches: outcome.mismatches,
        error: outcome.error,
        responseExcerpt: outcome.responseExcerpt,
      },
    ],
    durationMs: performance.now() - started,
    latency: outcome.status === undefined ? undefined : latencySummary([outcome.latencyMs]),
    steps: outcome.steps,
    ...(outcome.screenshot ? { screenshot: outcome.screenshot } : {}),
  };
}

async function runScenario(s: Scenario, options: RunOptions, run: RunContext): Promise<ScenarioResult> {
  const started = performance.now();
  const vars: TemplateVars = {
    env: options.env,
    previewUrl: options.baseUrl.replace(/\/+$/, ""),
    ...(options.redact ? { redact: options.redact } : {}),
  };
  const failed = (error: string): ScenarioResult => ({
    scenario: s,
    passed: false,
    error,
    deliveries: [],
    durationMs: performance.now() - started,
    latency: undefined,
  });
  if (run.signal?.aborted) return failed("cancelled before it was sent");
  if (s.oauth?.browser && !options.browser) {
    return failed("a browser scenario needs a browser to launch (browser-path; RunOptions.browser)");
  }
  if (s.oauth) return runLogin(s, s.oauth, options, run, vars, started);
  if (s.expectDeliveries) {
    const outcome = await checkGithubDeliveries(s.expectDeliveries, options.githubDeliveries, run.signal);
    return {
      scenario: s,
      passed: outcome.error === undefined && outcome.deliveries.every((d) => d.passed),
      error: outcome.error,
      deliveries: outcome.deliveries,
      durationMs: performance.now() - started,
      latency: latencySummary(
        outcome.deliveries.filter((d) => d.status !== undefined).map((d) => d.latencyMs),
      ),
    };
  }
  let prepared: Prepared;
  let bodies: Unit[];
  try {
    prepared = prepare(s, options, vars);
    bodies = units(s, vars);
  } catch (error) {
    return failed(errorMessage(error));
  }
  const behaviour = s.behaviour;
  const deliveries: DeliveryResult[] = [];
  /** The first delivery of the first body (list order): what captures read. */
  let source: CaptureSource | undefined;
  const deliverOne = async (unit: Unit, index: number) => {
    const deliveryId = randomUUID();
    const clock: SigningClock = { lastSeconds: undefined };
    const first = await run.inFlight.run(() =>
      sendDelivery(
        s,
        prepared,
        unit,
        deliveryId,
        index,
        run,
        (reply) => checkReply(s.expect, reply, vars),
        clock,
      ),
    );
    deliveries.push(first.result);
    if (behaviour?.events ? unit === bodies[0] : index === 0) {
      source = { sent: unit.body, response: first.reply?.body };
    }
    if (behaviour?.duplicate && !run.signal?.aborted) {
      const check = duplicateCheck(behaviour.expectDuplicate, first.result, vars);
      const again = await run.inFlight.run(() =>
        sendDelivery(s, prepared, unit, deliveryId, index, run, check, clock, true),
      );
      deliveries.push(again.result);
    }
  };
  let expected = s.repeat;
  let order: ScenarioResult["order"];
  if (behaviour?.events) {
    const sent = ordered(bodies, behaviour.order, behaviour.seed ?? 0);
    order = { mode: behaviour.order, seed: behaviour.seed, sent: sent.map((u) => u.label ?? "") };
    expected = sent.length;
    for (const [index, unit] of sent.entries()) {
      if (run.signal?.aborted) break;
      await deliverOne(unit, index);
    }
  } else {
    let next = 0;
    const body = bodies[0] as Unit;
    const worker = async () => {
      while (next < s.repeat && !run.signal?.aborted) await deliverOne(body, next++);
    };
    await Promise.all(Array.from({ length: Math.min(s.concurrency, s.repeat) }, worker));
  }
  deliveries.sort((a, b) => a.index - b.index || Number(a.duplicate ?? false) - Number(b.duplicate ?? false));
  const firsts = deliveries.filter((d) => !d.duplicate).length;
  const cancelled = firsts < expected;
  const followUps =
    s.followUp && !cancelled && source
      ? await runFollowUp(
          s.followUp,
          {
            baseUrl: options.baseUrl,
            authHeader: options.authHeader,
            vars,
            agents: run.agents,
            timeoutMs: s.timeoutMs ?? run.timeoutMs,
            signal: run.signal,
          },
          source,
        )
      : undefined;
  const latency = latencySummary(deliveries.filter((d) => d.status !== undefined).map((d) => d.latencyMs));
  return {
    scenario: s,
    passed: !cancelled && deliveries.every((d) => d.passed) && (followUps ?? []).every((f) => f.passed),
    error: cancelled ? `cancelled after ${firsts} of ${expected} deliveries` : undefined,
    deliveries,
    durationMs: performance.now() - started,
    latency,
    ...(order ? { order } : {}),
    ...(followUps ? { followUps } : {}),
  };
}

/** "github", or "oauth" (or "oauth, browser") for an OAuth login scenario: for logs and reports. */
export function scenarioKind(s: Scenario): string {
  if (s.expectDeliveries) return "github deliveries";
  return s.oauth ? (s.oauth.browser ? "oauth, browser" : "oauth") : s.provider;
}

function logResult(logger: Logger | undefined, r: ScenarioResult): void {
  if (!logger) return;
  const { scenario: s } = r;
  const where = `${s.source.file}:${s.source.line}`;
  const statuses = [...new Set(r.deliveries.map((d) => d.status ?? "no response"))].join(", ");
  const timing = r.latency ? `, p50 ${Math.round(r.latency.p50)} ms` : "";
  // info, not error: the caller turns failures into annotations once, with file and line.
  const kind = scenarioKind(s);
  const shot = r.screenshot ? ` (screenshot: ${r.screenshot})` : "";
  if (r.passed) logger.info(`scenario passed: ${s.name} (${kind}, ${where}): ${statuses}${timing}${shot}`);
  else logger.info(`scenario FAILED: ${s.name} (${kind}, ${where}): ${failureSummary(r)}${shot}`);
}

/** One line on why a scenario failed: the first failing delivery's mismatches or error, else the first failing then request. */
export function failureSummary(r: ScenarioResult): string {
  if (r.error !== undefined) return r.error;
  const bad = r.deliveries.filter((d) => !d.passed);
  const first = bad[0];
  if (first === undefined) {
    const followUp = r.followUps?.find((f) => !f.passed);
    return followUp ? followUpLine(followUp) : "passed";
  }
  const what =
    first.error ??
    first.mismatches.map((m) => `${m.what}: expected ${m.expected}, got ${m.actual}`).join("; ");
  const who = first.duplicate ? "the duplicate: " : first.label !== undefined ? `${first.label}: ` : "";
  const tries = (first.attempts?.length ?? 0) > 1 ? ` (after ${first.attempts?.length} attempts)` : "";
  return r.deliveries.length > 1
    ? `${bad.length} of ${r.deliveries.length} deliveries failed; first: ${who}${what}${tries}`
    : `${who}${what}${tries}`;
}

export async function runScenarios(options: RunOptions): Promise<ScenarioRun> {
  const started = performance.now();
  const agents = agentsFor();
  const run: RunContext = {
    agents,
    inFlight: new Limiter(options.maxInFlight ?? Number.POSITIVE_INFINITY),
    timeoutMs: options.timeoutMs ?? DEFAULT_SCENARIO_TIMEOUT_MS,
    signal: options.signal,
    screenshots: options.browser
      ? screenshotPaths(options.scenarios, options.browser.screenshotsNear)
      : new Map(),
  };
  const results: ScenarioResult[] = new Array(options.scenarios.length);
  const scenarios = new Limiter(options.parallel ?? 1);
  try {
    await Promise.all(
      options.scenarios.map((s, i) =>
        scenarios.run(async () => {
          const result = await runScenario(s, options, run);
          results[i] = result;
          logResult(options.logger, result);
        }),
      ),
    );
  } finally {
    agents.destroy();
  }
  const passed = results.filter((r) => r.passed).length;
  return {
    results,
    passed,
    failed: results.length - passed,
    durationMs: performance.now() - started,
    cancelled: options.signal?.aborted ?? false,
  };
}

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: scenario placeholders in files and messages
/**
 * Delivery behaviour at load time: every bad input is reported before anything runs, with its
 * file, line and column (unknown events, override paths not in the body, then without expect,
 * undefined captures, retries that would wait too long, fields that do not go together);
 * good files load with their plans (compressed waits, events, seeds, then lines). Also the
 * pure parts: retry schedules, the seeded order, overrides, and the generated catalog names.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { formatProblem, parseScenarioText } from "../../src/scenarios/load.js";
import { ordered } from "../../src/scenarios/order.js";
import { applyOverrides, missingPath } from "../../src/scenarios/override.js";
import {
  CATALOG_PACKAGE,
  type ExamplesIndex,
  pickGithubExamples,
} from "../../src/scenarios/payloads/github-catalog.js";
import { catalogNamesText, NAMES_FILE } from "../../src/scenarios/payloads/github-catalog-text.js";
import { MAX_RETRY_WAIT_MS, RETRY_SCHEDULES, retryPlan } from "../../src/scenarios/retry.js";

const problems = (yaml: string) =>
  parseScenarioText(`scenarios:\n${yaml}`, { file: "t.yml", dir: "." }).problems.map(formatProblem);

const load = (yaml: string) => {
  const result = parseScenarioText(`scenarios:\n${yaml}`, { file: "t.yml", dir: "." });
  expect(result.problems.map(formatProblem)).toEqual([]);
  return result.scenarios;
};

const STRIPE = "    provider: stripe\n    path: /s\n    secret-env: S\n";
const GITHUB = "    provider: github\n    path: /g\n    secret-env: G\n";

describe("bad input is reported at load, with file and line", () => {
  it("an unknown GitHub event, with the closest one", () => {
    expect(problems(`  - name: a\n${GITHUB}    event: pul_request\n`)).toEqual([
      't.yml:6:12: scenario "a" (scenarios[0]): field "event" is not a GitHub event; did you mean "pull_request"? (GitHub\'s events are listed at https://docs.github.com/en/webhooks/webhook-events-and-payloads; to send another X-GitHub-Event value, set it under headers) (got "pul_request")',
    ]);
  });

  it("a GitHub action without an example needs a body; an unknown Stripe event in a list", () => {
    expect(problems(`  - name: a\n${GITHUB}    event: issues.closd\n`)).toEqual([
      't.yml:6:12: scenario "a" (scenarios[0]): field "event" has no built-in github example to send; give a body, or use an event with one (did you mean issues.closed? ...)'.replace(
        " (did you mean issues.closed? ...)",
        " (GitHub examples of issues: issues.assigned, issues.deleted, issues.demilestoned, issues.edited, issues.labeled, issues.locked, issues.milestoned, issues.opened, issues.pinned, issues.reopened, issues.transferred, issues.unassigned, issues.unlabeled, issues.unlocked, issues.unpinned)",
      ) + ' (got "issues.closd")',
    ]);
    expect(
      problems(`  - name: a\n${STRIPE}    events: [customer.created, customer.subscription.updatd]\n`),
    ).toEqual([
      't.yml:6:32: scenario "a" (scenarios[0]): field "events[1]" has no built-in stripe body to send; did you mean customer.subscription.updated? (got "customer.subscription.updatd")',
    ]);
  });

  it("an override path that is not in the body, or a body that is not JSON", () => {
    expect(
      problems(
        `  - name: a\n${STRIPE}    event: payment_intent.succeeded\n    override:\n      $.data.object.amont: 500\n`,
      ),
    ).toEqual([
      't.yml:8:7: scenario "a" (scenarios[0]): field "override["$.data.object.amont"]" does not exist in the body; did you mean $.data.object.amount? (the built-in payment_intent.succeeded example)',
    ]);
    expect(problems(`  - name: a\n${STRIPE}    body: "a=b"\n    override: { $.a: 1 }\n`)).toEqual([
      't.yml:7:5: scenario "a" (scenarios[0]): field "override" needs a JSON body (a built-in example, json, or JSON text); this body is not JSON',
    ]);
  });

  it("a then request without expect, and a capture then does not define", () => {
    expect(
      problems(
        `  - name: a\n${STRIPE}    capture: { id: $.data.object.id }\n    then:\n      - request: GET /orders/\${capture.id}\n        eventually: 10s\n`,
      ),
    ).toEqual([
      't.yml:8:9: scenario "a" (scenarios[0]): field "then[0].expect" is missing: it must say what the answer must be (status, json, body-contains or headers): a then request without expect checks nothing',
    ]);
    expect(
      problems(
        `  - name: a\n${STRIPE}    capture: { id: $.data.object.id }\n    then:\n      - request: GET /x/\${capture.nope}\n        expect: { status: 200 }\n`,
      ),
    ).toEqual([
      't.yml:8:18: scenario "a" (scenarios[0]): field "then[0].request" uses ${capture.nope}, which capture does not define (captured: id) (got "GET /x/${capture.nope}")',
    ]);
    expect(
      problems(
        `  - name: a\n${STRIPE}    capture: { id: $.data.nothing }\n    then: [{ request: GET /x, expect: {} }]\n`,
      ),
    ).toEqual([
      't.yml:6:20: scenario "a" (scenarios[0]): field "capture.id" does not exist in the body (got "$.data.nothing")',
    ]);
  });

  it("a retry that would wait too long, with the compression that would fit", () => {
    expect(problems(`  - name: a\n${STRIPE}    retry: { schedule: stripe, compress: 10x }\n`)).toEqual([
      't.yml:6:5: scenario "a" (scenarios[0]): field "retry" waits 7.2 h in all (9 retries of stripe compressed 10x); at most 10 min: compress at least 432x (e.g. compress: 1000x) or set fewer attempts',
    ]);
    expect(problems(`  - name: a\n${STRIPE}    retry: { schedule: [1s, 5], compress: "fast" }\n`)).toEqual([
      't.yml:6:29: scenario "a" (scenarios[0]): field "retry.schedule[1]" must be a duration: a number with a unit ms, s, m or h, e.g. "500ms", "10s", "2m"; add a unit, e.g. "5s" (got 5)',
      't.yml:6:43: scenario "a" (scenarios[0]): field "retry.compress" must be a factor such as "100x" (got "fast")',
    ]);
  });

  it("fields that do not go together", () => {
    expect(
      problems(
        `  - name: a\n${STRIPE}    event: invoice.paid\n    events: [invoice.paid]\n    repeat: 2\n    order: shuffled\n    seed: 1\n    expect-duplicate: same-status\n`,
      ),
    ).toEqual([
      't.yml:6:5: scenario "a" (scenarios[0]): field "event" conflicts with events: name every event in events',
      't.yml:8:5: scenario "a" (scenarios[0]): field "repeat" conflicts with events: list an event twice to send it twice',
      't.yml:11:5: scenario "a" (scenarios[0]): field "expect-duplicate" applies with duplicate: true',
    ]);
    expect(problems(`  - name: a\n${STRIPE}    order: reversed\n    seed: 3\n`)).toEqual([
      't.yml:6:5: scenario "a" (scenarios[0]): field "order" applies to a list of events: give events, e.g. events: [customer.subscription.created, customer.subscription.updated]',
      't.yml:7:5: scenario "a" (scenarios[0]): field "seed" applies to order: shuffled',
    ]);
    expect(
      problems("  - name: d\n    provider: github\n    expect-deliveries: { events: [pull_requests] }\n"),
    ).toEqual([
      't.yml:3:5: scenario "d" (scenarios[0]): field "provider" cannot be used with expect-deliveries, which checks what GitHub itself delivered to the run\'s webhook (github-webhook): such a scenario has only name and expect-deliveries',
      't.yml:4:35: scenario "d" (scenarios[0]): field "expect-deliveries.events[0]" is not a GitHub event; did you mean "pull_request"? (GitHub\'s events are listed at https://docs.github.com/en/webhooks/webhook-events-and-payloads) (got "pull_requests")',
    ]);
  });

  it("unknown fields in the new mappings name the known ones", () => {
    expect(problems(`  - name: a\n${STRIPE}    retry: { schedul: stripe }\n`)).toEqual([
      't.yml:6:12: scenario "a" (scenarios[0]): field "retry.schedule" is missing: it must be one of github, stripe, svix, standard-webhooks (the provider\'s schedule) or a list of waits, e.g. [1s, 5s, 30s]',
      't.yml:6:14: scenario "a" (scenarios[0]): field "retry.schedul" is not a known field; did you mean "schedule"? Known fields here: schedule, compress, attempts',
    ]);
  });
});

describe("good files load with their plans", () => {
  it("retries compressed, events in order, a seed chosen and kept, then lines", () => {
    const [a, b, c] = load(`  - name: a
${GITHUB}    event: pull_request.closed
    retry: { schedule: github, compress: 100000x, attempts: 3 }
    duplicate: true
    capture: { n: $.number, r: { response: $.ok } }
    then:
      - request: GET /x/\${capture.n}
        eventually: 2s
        expect: { status: 200 }
  - name: b
${STRIPE}    events: [customer.subscription.created, { event: invoice.paid, override: { $.data.object.amount_paid: 0 } }]
    order: shuffled
  - name: c
    expect-deliveries: { events: [push, pull_request.opened] }
`);
    expect(a?.event).toBe("pull_request");
    expect(a?.behaviour?.retry).toEqual({
      schedule: "github",
      compress: 100000,
      delaysMs: [216, 216],
      providerTimeoutMs: 10_000,
    });
    expect(a?.behaviour).toMatchObject({
      duplicate: true,
      expectDuplicate: "same-status",
      events: undefined,
    });
    expect(a?.followUp?.captures.map((x) => [x.name, x.from, x.path])).toEqual([
      ["n", "body", "$.number"],
      ["r", "response", "$.ok"],
    ]);
    expect(a?.followUp?.then[0]).toMatchObject({
      method: "GET",
      path: "/x/${capture.n}",
      eventuallyMs: 2000,
      line: 11,
    });
    expect(b?.behaviour?.events?.map((e) => e.label)).toEqual([
      "customer.subscription.created",
      "invoice.paid",
    ]);
    const invoice = b?.behaviour?.events?.[1]?.body;
    expect(
      invoice?.kind === "json" &&
        (invoice.value as { data: { object: { amount_paid: number } } }).data.object.amount_paid,
    ).toBe(0);
    expect(b?.behaviour?.order).toBe("shuffled");
    expect(Number.isInteger(b?.behaviour?.seed)).toBe(true);
    expect(c?.expectDeliveries?.events).toEqual([
      { event: "push", action: undefined, label: "push" },
      { event: "pull_request", action: "opened", label: "pull_request.opened" },
    ]);
    expect(c?.expectDeliveries?.withinMs).toBe(120_000);
  });
});

describe("retry schedules", () => {
  it("github: a redelivery every 6 h for 3 days; svix: its published schedule; stripe: about 3 days", () => {
    const total = (name: string) => (RETRY_SCHEDULES[name]?.waitsMs ?? []).reduce((a, b) => a + b, 0);
    expect(RETRY_SCHEDULES.github?.waitsMs).toHaveLength(12);
    expect(total("github")).toBe(72 * 3_600_000);
    expect(RETRY_SCHEDULES.svix?.waitsMs.slice(0, 3)).toEqual([5000, 300_000, 1_800_000]);
    expect(total("stripe")).toBe(72 * 3_600_000);
  });

  it("compresses, caps by attempts, and refuses a plan longer than the bound", () => {
    expect(retryPlan([1000, 5000, 30_000], 10, undefined)).toEqual({
      policy: {
        schedule: "1 s, 5 s, 30 s",
        compress: 10,
        delaysMs: [100, 500, 3000],
        providerTimeoutMs: undefined,
      },
    });
    expect(retryPlan("svix", 1000, 2)).toMatchObject({
      policy: { delaysMs: [5], providerTimeoutMs: 15_000 },
    });
    expect(retryPlan("svix", 1, 1)).toMatchObject({ policy: { delaysMs: [] } });
    const refused = retryPlan("github", 1, undefined);
    expect("problem" in refused && refused.problem).toMatch(/^waits 72 h in all .* compress at least 432x/);
    const plan = retryPlan("github", 432, undefined);
    expect("policy" in plan && plan.policy.delaysMs.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(
      MAX_RETRY_WAIT_MS,
    );
  });
});

describe("order", () => {
  const items = ["a", "b", "c", "d", "e", "f"];
  it("reversed reverses; a shuffle is a permutation drawn from its seed", () => {
    expect(ordered(items, "reversed", 0)).toEqual(["f", "e", "d", "c", "b", "a"]);
    expect(ordered(items, "as-listed", 0)).toEqual(items);
    const one = ordered(items, "shuffled", 42);
    expect(ordered(items, "shuffled", 42)).toEqual(one);
    expect([...one].sort()).toEqual(items);
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => ordered(items, "shuffled", seed).join("")));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe("override", () => {
  it("sets existing paths in a copy; missing paths get the closest one", () => {
    const body = { data: { object: { amount: 2000, items: [{ id: 1 }] } } };
    const out = applyOverrides(body, [
      [["data", "object", "amount"], 500],
      [["data", "object", "items", -1, "id"], 9],
    ]);
    expect(out).toEqual({ data: { object: { amount: 500, items: [{ id: 9 }] } } });
    expect(body.data.object.amount).toBe(2000);
    expect(missingPath(body, ["data", "object", "amont"])).toBe(
      "does not exist in the body; did you mean $.data.object.amount?",
    );
    expect(missingPath(body, [])).toBe("is the whole body: name a field inside it");
  });
});

describe("the GitHub catalog", () => {
  it(`${NAMES_FILE} is in step with @octokit/webhooks-examples (node scripts/run-ts.mjs src/scenarios/payloads/write-github-catalog.ts --names)`, () => {
    const require = createRequire(`${process.cwd()}/`);
    const index = JSON.parse(readFileSync(require.resolve(CATALOG_PACKAGE), "utf8")) as ExamplesIndex;
    const version = (
      JSON.parse(readFileSync(require.resolve(`${CATALOG_PACKAGE}/package.json`), "utf8")) as {
        version: string;
      }
    ).version;
    expect(readFileSync(NAMES_FILE, "utf8")).toBe(
      catalogNamesText(Object.keys(pickGithubExamples(index)), version),
    );
  });
});

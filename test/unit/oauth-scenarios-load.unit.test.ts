/**
 * OAuth scenarios in scenario files: valid ones load with their defaults and lines; every
 * mistake gets a precise message with file:line:column, the scenario and the field.
 */
import { describe, expect, it } from "vitest";
import { formatProblem, parseScenarioText } from "../../src/scenarios/load.js";

const parse = (lines: string[]) =>
  parseScenarioText(lines.join("\n"), {
    file: "s.yml",
    dir: process.cwd(),
    env: { GITHUB_WEBHOOK_SECRET: "x" },
  });
const problems = (lines: string[]) => parse(lines).problems.map(formatProblem);

describe("OAuth scenarios load", () => {
  it("with their defaults, next to webhook scenarios, at their lines", () => {
    const { scenarios, problems: found } = parse([
      "scenarios:",
      "  - name: ping",
      "    provider: github",
      "    path: /hook",
      "    secret-env: GITHUB_WEBHOOK_SECRET",
      "  - name: alice",
      "    oauth: { user: alice, check: /me }",
      "    expect: { json: { $.sub: alice } }",
      "  - name: denied",
      "    oauth: { deny: true, check: /me }",
      "    timeout: 5s",
    ]);
    expect(found).toEqual([]);
    expect(scenarios.map((s) => [s.name, s.oauth === undefined, s.source.line])).toEqual([
      ["ping", true, 2],
      ["alice", false, 6],
      ["denied", false, 9],
    ]);
    const [, alice, denied] = scenarios;
    expect(alice?.oauth).toMatchObject({
      start: "/login",
      user: "alice",
      negative: undefined,
      check: "/me",
      callbackStatus: { text: "2xx, 3xx" },
    });
    expect(alice?.expect.statusText).toBe("2xx");
    expect(alice?.expect.json.map((j) => [j.path, j.value])).toEqual([["$.sub", "alice"]]);
    // A refusal: the callback gets a 4xx and the check finds no session.
    expect(denied?.oauth).toMatchObject({
      user: undefined,
      negative: "deny",
      callbackStatus: { text: "4xx" },
    });
    expect(denied?.expect.statusText).toBe("401, 403");
    expect(denied?.timeoutMs).toBe(5000);
  });

  it("a user is needed unless consent is denied, and is pointless with deny", () => {
    expect(
      problems(["scenarios:", "  - name: who", "    oauth:", "      start: /login", "      check: /me"]),
    ).toEqual([
      's.yml:4:7: scenario "who" (scenarios[0]): field "oauth.user" is missing: name the test user to sign in as (a sub or email of idp-users), e.g. user: alice; or refuse consent with deny: true',
    ]);
    expect(
      problems(["scenarios:", "  - name: no", "    oauth:", "      deny: true", "      user: bob"]),
    ).toEqual([
      's.yml:5:7: scenario "no" (scenarios[0]): field "oauth.user" has no effect with deny: true (consent is refused, nobody signs in); remove it',
    ]);
  });

  it("one refusal at a time", () => {
    expect(
      problems([
        "scenarios:",
        "  - name: both",
        "    oauth:",
        "      user: alice",
        "      replay-callback: true",
        "      tamper-state: true",
      ]),
    ).toEqual([
      's.yml:6:7: scenario "both" (scenarios[0]): field "oauth.tamper-state" conflicts with replay-callback: an OAuth scenario checks one refusal at a time; write one scenario for each',
    ]);
  });

  it("webhook fields are refused, and expect needs a check path", () => {
    expect(
      problems([
        "scenarios:",
        "  - name: mixed",
        "    provider: github",
        "    oauth: { user: alice }",
        "    repeat: 2",
        "    expect: { status: 200 }",
      ]),
    ).toEqual([
      's.yml:3:5: scenario "mixed" (scenarios[0]): field "provider" is for webhook scenarios; an OAuth scenario (one with oauth:) takes name, oauth, expect and timeout',
      's.yml:5:5: scenario "mixed" (scenarios[0]): field "repeat" is for webhook scenarios; an OAuth scenario (one with oauth:) takes name, oauth, expect and timeout',
      's.yml:6:5: scenario "mixed" (scenarios[0]): field "expect" needs oauth.check: the path whose response it checks after the login, e.g. check: /me',
    ]);
  });

  it("bad values: paths, statuses, flags, users, JSON paths, unknown fields", () => {
    expect(
      problems([
        "scenarios:",
        "  - name: bad",
        "    oauth:",
        "      start: login",
        "      user: ''",
        "      check: /me",
        "      callback-status: ok",
        "      deny: yes please",
        "      usr: alice",
      ]),
    ).toEqual([
      's.yml:4:14: scenario "bad" (scenarios[0]): field "oauth.start" must be a path starting with "/" without spaces or "#", e.g. /login (got "login")',
      's.yml:5:13: scenario "bad" (scenarios[0]): field "oauth.user" must be the sub or email of a test user (idp-users), e.g. alice (got "")',
      's.yml:7:24: scenario "bad" (scenarios[0]): field "oauth.callback-status" must be an HTTP status (200), a class ("2xx"), a range ("200-299"), a comma list ("200, 204") or a YAML list of these ([200, 202]) (got "ok")',
      's.yml:8:13: scenario "bad" (scenarios[0]): field "oauth.deny" must be true or false (got "yes please")',
      's.yml:9:7: scenario "bad" (scenarios[0]): field "oauth.usr" is not a known field',
    ]);
    expect(
      problems([
        "scenarios:",
        "  - name: paths",
        "    oauth: { user: alice, check: /me, replay-status: 400 }",
        "    expect:",
        "      json: { sub: alice }",
        "      status: 299-200",
      ]),
    ).toEqual([
      's.yml:3:39: scenario "paths" (scenarios[0]): field "oauth.replay-status" has no effect without replay-callback: true',
      's.yml:5:15: scenario "paths" (scenarios[0]): field "expect.json.sub" is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.sub',
      's.yml:6:15: scenario "paths" (scenarios[0]): field "expect.status" must be HTTP statuses with ranges from low to high, e.g. 200-299 (got "299-200")',
    ]);
  });

  it("a webhook scenario without provider or path says so, and points at oauth:", () => {
    expect(problems(["scenarios:", "  - name: half", "    secret-env: X"])).toEqual([
      expect.stringMatching(
        /^s\.yml:2:5: scenario "half" \(scenarios\[0\]\): field "provider" is missing: it must be one of .*github.* \(or, for an OAuth login scenario, give oauth: instead\)$/,
      ),
      expect.stringMatching(
        /^s\.yml:2:5: scenario "half" \(scenarios\[0\]\): field "path" is missing: it must be a path starting with "\/", e\.g\. \/webhooks\/github$/,
      ),
    ]);
  });
});

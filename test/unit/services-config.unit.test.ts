/**
 * The `services` input and the commands of the single-service inputs (stop, setup,
 * start-mode): what they become, and every kind of bad input rejected before anything starts,
 * naming the service and the field (all problems at once).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startOrder } from "../../src/app/order.js";
import { buildConfig } from "../../src/config/config.js";
import type { InputName } from "../../src/config/names.js";
import { configProblems } from "../helpers/config-errors.js";

const cwd = mkdtempSync(path.join(tmpdir(), "pt-services-"));
mkdirSync(path.join(cwd, "api"));

function config(inputs: Partial<Record<InputName, string>>) {
  return buildConfig((name) => inputs[name], { cwd, env: {}, runDir: cwd });
}

const problems = (inputs: Partial<Record<InputName, string>>) => configProblems(() => config(inputs));

const WEB_AND_API = `
- name: web
  start: npm start
  depends-on: api
- name: api
  start: node server.js
  stop: docker compose down -v
  setup: npm run migrate
  start-mode: detached
  port: 4000
  ready: tcp
  ready-timeout: 2m
  working-directory: api
  env:
    DATABASE_URL: postgres://localhost/app
    WORKERS: 2
  path: /api/
  strip-prefix: true
`;

describe("the single-service inputs", () => {
  it("take stop, setup and start-mode", async () => {
    const c = await config({
      start: "docker compose up -d --wait",
      stop: "docker compose down -v",
      setup: "make seed",
      "start-mode": "DETACHED",
    });
    expect(c.services).toMatchObject([
      {
        name: "app",
        start: "docker compose up -d --wait",
        stop: "docker compose down -v",
        setup: "make seed",
        startMode: "detached",
      },
    ]);
  });

  it("refuse an unknown start-mode", async () => {
    expect(await problems({ start: "x", "start-mode": "background" })).toEqual([
      'Input "start-mode" must be one of auto, attached, detached (got "background").',
    ]);
  });
});

describe("services", () => {
  it("become the run's services, with the top-level env, ready-timeout and start-mode as defaults", async () => {
    const c = await config({ services: WEB_AND_API, env: "SHARED=1\nWORKERS=1", "ready-timeout": "30s" });
    expect(c.services).toEqual([
      {
        name: "web",
        start: "npm start",
        stop: undefined,
        setup: undefined,
        startMode: "auto",
        workingDirectory: cwd,
        port: undefined,
        env: { SHARED: "1", WORKERS: "1" },
        ready: { kind: "path", path: "/" },
        readyTimeoutMs: 30_000,
        path: "/",
        stripPrefix: false,
        dependsOn: ["api"],
      },
      {
        name: "api",
        start: "node server.js",
        stop: "docker compose down -v",
        setup: "npm run migrate",
        startMode: "detached",
        workingDirectory: path.join(cwd, "api"),
        port: 4000,
        env: { SHARED: "1", WORKERS: "2", DATABASE_URL: "postgres://localhost/app" },
        ready: { kind: "tcp" },
        readyTimeoutMs: 120_000,
        path: "/api",
        stripPrefix: true,
        dependsOn: [],
      },
    ]);
    expect(c.workingDirectory).toBe(cwd);
  });

  it("may be the path of a YAML file, and `path: none` is a service that gets no requests", async () => {
    writeFileSync(
      path.join(cwd, "services.yml"),
      "- {name: web, start: a}\n- {name: worker, start: b, path: none, ready: 'log:started'}\n",
    );
    const c = await config({ services: "services.yml" });
    expect(c.services.map((s) => [s.name, s.path])).toEqual([
      ["web", "/"],
      ["worker", undefined],
    ]);
    expect(await problems({ services: "nope.yml" })).toEqual([
      `Input "services" must be a YAML list of services, or the path of a file holding one (${path.join(cwd, "nope.yml")} does not exist) (got "nope.yml").`,
    ]);
  });

  it.each<[string, string, string[]]>([
    [
      "an unknown field",
      "- {name: web, start: a, command: b, port: 3000}",
      [
        'Input "services" has a problem in service "web": unknown field "command" (the fields are name, start, stop, setup, start-mode, port, ready, ready-timeout, working-directory, env, path, strip-prefix, depends-on) (got "command").',
      ],
    ],
    [
      "duplicate names (also in case, and - versus _)",
      "- {name: web, start: a}\n- {name: Web, start: b, path: /b}\n- {name: my-api, start: c, path: /c}\n- {name: my_api, start: d, path: /d}",
      [
        'Input "services" has a problem in service "Web": "name" repeats service "web" (names must differ, also in case and in - versus _) (got "Web").',
        'Input "services" has a problem in service "my_api": "name" repeats service "my-api" (names must differ, also in case and in - versus _) (got "my_api").',
      ],
    ],
    [
      "duplicate paths (a path left out is /)",
      "- {name: web, start: a}\n- {name: api, start: b}",
      [
        'Input "services" has a problem in service "api": "path" / is service "web"\'s too (a path left out is "/"; give one of them another, e.g. "/api", or "none") (got "/").',
      ],
    ],
    [
      "the same path with a trailing slash",
      "- {name: a, start: a, path: /api}\n- {name: b, start: b, path: /api/}",
      [
        'Input "services" has a problem in service "b": "path" /api is service "a"\'s too (a path left out is "/"; give one of them another, e.g. "/api", or "none") (got "/api").',
      ],
    ],
    [
      "duplicate ports",
      "- {name: a, start: a, port: 3000}\n- {name: b, start: b, port: '3000', path: /b}",
      ['Input "services" has a problem in service "b": "port" 3000 is service "a"\'s too (got "3000").'],
    ],
    [
      "a dependency cycle, named in order",
      "- {name: web, start: a, depends-on: api}\n- {name: api, start: b, path: /api, depends-on: [db]}\n- {name: db, start: c, path: none, depends-on: web}",
      [
        'Input "services" has a problem in service "web": "depends-on" makes a cycle: web -> api -> db -> web (got "api").',
      ],
    ],
    [
      "depends-on a missing service, and on itself",
      "- {name: web, start: a, depends-on: [db, web]}",
      [
        'Input "services" has a problem in service "web": "depends-on" names "db", which is not one of the services (web) (got "db").',
        'Input "services" has a problem in service "web": "depends-on" names the service itself (got "web").',
      ],
    ],
    [
      "a path without a leading slash",
      "- {name: web, start: a, path: api}",
      [
        'Input "services" has a problem in service "web": "path" must be a route prefix starting with "/" (e.g. "/api"; "/" for the default service), or "none" for a service that gets no requests (got "api").',
      ],
    ],
    [
      "a path that is not a plain prefix",
      "- {name: web, start: a, path: /a/../b}\n- {name: api, start: b, path: '/a%2Fb'}",
      [
        `Input "services" has a problem in service "web": "path" must be a plain route prefix: segments of letters, digits and -._~!$&'()*+,;=:@, no "." or ".." segments, no "//", no "%", "?" or "#" (got "/a/../b").`,
        `Input "services" has a problem in service "api": "path" must be a plain route prefix: segments of letters, digits and -._~!$&'()*+,;=:@, no "." or ".." segments, no "//", no "%", "?" or "#" (got "/a%2Fb").`,
      ],
    ],
    [
      "a missing name, start and a bad field in an unnamed entry",
      "- {start: a}\n- {name: 1web}\n- just a string",
      [
        'Input "services" has a problem in entry 1: "name" is required (got "").',
        'Input "services" has a problem in entry 2: "name" must start with a letter and hold only letters, digits, - and _ (at most 40) (got "1web").',
        'Input "services" has a problem in entry 2: "start" is required (got "").',
        'Input "services" has a problem in entry 3: each entry must be a mapping of fields (name, start, stop, setup, start-mode, port, ready, ready-timeout, working-directory, env, path, strip-prefix, depends-on) (got "just a string").',
      ],
    ],
    [
      "bad values of the fields the top-level inputs also have",
      "- {name: web, start: a, port: 70000, ready: health, ready-timeout: soon, start-mode: later, strip-prefix: maybe, env: {A-B: 1}}",
      [
        'Input "services" has a problem in service "web": "start-mode" must be one of auto, attached, detached (got "later").',
        'Input "services" has a problem in service "web": "port" must be a TCP port number from 1 to 65535 (got "70000").',
        `Input "services" has a problem in service "web": "ready" must be a URL ("http://127.0.0.1:3000/health"), a path on the app's port ("/health"), "tcp", or "log:<regex>" (got "health").`,
        'Input "services" has a problem in service "web": "ready-timeout" is not a duration: use a number with a unit ms, s, m or h, e.g. "500ms", "90s", "2m", "1m30s" (got "soon").',
        'Input "services" has a problem in service "web": "env" must map variable names (letters, digits, _) to single values (got "A-B").',
        'Input "services" has a problem in service "web": "strip-prefix" must be true or false (also accepted: yes/no, 1/0, in any case) (got "maybe").',
      ],
    ],
    [
      "the name preview (its PREVIEW_URL is the public URL)",
      "- {name: preview, start: a}",
      [
        'Input "services" has a problem in service "preview": "name" must not be "preview": its PREVIEW_URL is the public URL (got "preview").',
      ],
    ],
    [
      "a working directory that does not exist",
      "- {name: web, start: a, working-directory: nowhere}",
      [
        `Input "services" has a problem in service "web": "working-directory" must be an existing directory (got "${path.join(cwd, "nowhere")}").`,
      ],
    ],
    [
      "not a list",
      "name: web",
      [
        'Input "services" must be a YAML list of services, e.g. "- name: web\\n  start: npm start" (got "{\\"name\\":\\"web\\"}").',
      ],
    ],
    [
      "invalid YAML",
      "- name: web\n  start: [a",
      [
        'Input "services" is not valid YAML at line 2: Flow sequence in block collection must be sufficiently indented and end with a ] (got "  start: [a").',
      ],
    ],
  ])("refuse %s, naming the service and the field", async (_label, services, expected) => {
    expect(await problems({ services })).toEqual(expected);
  });

  it("cannot be given with start, stop, setup, port or ready; all problems are reported at once", async () => {
    expect(
      await problems({
        services: "- {name: web, start: a, path: api}",
        start: "npm start",
        port: "3000",
        ready: "/health",
        "stop-grace": "soon",
      }),
    ).toEqual([
      'Input "start" cannot be used together with "services": each service has its own "start" (make this one a service of the list, with "path: /" if it is the default) (got "npm start").',
      'Input "port" cannot be used together with "services": each service has its own "port" (make this one a service of the list, with "path: /" if it is the default) (got "3000").',
      'Input "ready" cannot be used together with "services": each service has its own "ready" (make this one a service of the list, with "path: /" if it is the default) (got "/health").',
      'Input "stop-grace" is not a duration: use a number with a unit ms, s, m or h, e.g. "500ms", "90s", "2m", "1m30s" (got "soon").',
      'Input "services" has a problem in service "web": "path" must be a route prefix starting with "/" (e.g. "/api"; "/" for the default service), or "none" for a service that gets no requests (got "api").',
    ]);
  });

  it("never show an env value in an error (values are often secrets)", async () => {
    const found = await problems({
      services:
        "- name: web\n  start: a\n  env: |\n    TOKEN=hunter2\n    BROKEN hunter3\n- {name: api, start: b, path: /api, env: {KEY: [hunter4]}}",
    });
    expect(found).toEqual([
      'Input "services" has a problem in service "web": "env" line 2 is not KEY=VALUE with KEY made of letters, digits and _ (not starting with a digit) (got "BROKEN…").',
      'Input "services" has a problem in service "api": "env" must map variable names (letters, digits, _) to single values (got "KEY").',
    ]);
    expect(found.join("\n")).not.toMatch(/hunter/);
  });
});

describe("startOrder", () => {
  it("puts independent services in one level and each after its dependencies", () => {
    expect(
      startOrder([
        { name: "web", dependsOn: ["api"] },
        { name: "api", dependsOn: ["db", "cache"] },
        { name: "db", dependsOn: [] },
        { name: "cache", dependsOn: [] },
        { name: "docs", dependsOn: [] },
      ]),
    ).toEqual({ levels: [["db", "cache", "docs"], ["api"], ["web"]] });
    expect(
      startOrder([
        { name: "a", dependsOn: ["b"] },
        { name: "b", dependsOn: ["a"] },
        { name: "c", dependsOn: [] },
      ]),
    ).toEqual({
      cycle: ["a", "b", "a"],
    });
  });
});

/**
 * Output paths that cannot be written (under /proc, a directory, under a file) and a run
 * folder that cannot be made: the built CLI exits 2 at once, naming the input, before the app
 * starts. Under /proc, Node's recursive mkdir loops for ever (and the synchronous one blocks
 * signals too), so each run here has a deadline.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { expectNoProcessLeft, newMark } from "../helpers/processes.js";
import { runCliProcess } from "./cli-process.js";

let dir: string;
let mark = newMark();
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-sec-out-"));
});
afterEach(async () => {
  await expectNoProcessLeft(mark.value);
  mark = newMark();
  rmSync(dir, { recursive: true, force: true });
});

/** A webhook scenario file that loads (its secret is set), so the JUnit report is needed. */
function scenarioFile(): string {
  const file = path.join(dir, "hooks.yml");
  writeFileSync(
    file,
    "scenarios:\n  - name: push\n    provider: github\n    path: /hooks/github\n    event: push\n    secret-env: HOOK_SECRET\n    expect:\n      status: 200\n",
  );
  return file;
}

/** The CLI with `args`; the app would leave a file behind if it ever started. */
async function run(args: string[], env: Record<string, string> = {}) {
  const started = path.join(dir, "app-started");
  const result = await runCliProcess(
    ["run", "--start", `touch '${started}'; sleep 60`, "--test", "exit 0", ...args],
    {
      env: { ...process.env, ...mark.env, HOOK_SECRET: "a-webhook-secret-of-some-length", ...env },
      deadlineMs: 20_000,
    },
  );
  expect(result.timedOut, `the CLI hung:\n${result.stderr}`).toBe(false);
  expect(existsSync(started)).toBe(false);
  return result;
}

describe("output paths are checked before anything starts", () => {
  it("--junit-path under /proc: exit 2 naming junit-path, no hang", async () => {
    const r = await run(["--scenarios", scenarioFile(), "--junit-path", "/proc/nope/x.xml"]);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain('Input "junit-path" must be a file that can be written');
    expect(r.stderr).toContain("/proc/nope");
  });

  it("--record under /proc: exit 2 naming record, no hang", async () => {
    const r = await run(["--record", "/proc/nope/x.har"]);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain('Input "record" must be a file that can be written');
  });

  it("--record /proc/x.har (a folder that exists but holds no files): exit 2 naming record", async () => {
    const r = await run(["--record", "/proc/x.har"]);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain('Input "record" must be a file that can be written');
  });

  it("--record naming a directory: exit 2, not EISDIR after the run", async () => {
    const target = path.join(dir, "a-dir");
    mkdirSync(target);
    const r = await run(["--record", target]);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain(
      `Input "record" must be a file that can be written (${target} is a directory)`,
    );
  });

  it("--junit-path under a regular file: exit 2 naming junit-path and the file in the way", async () => {
    const file = path.join(dir, "plain");
    writeFileSync(file, "");
    const r = await run(["--scenarios", scenarioFile(), "--junit-path", path.join(file, "report.xml")]);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toContain('Input "junit-path" must be a file that can be written');
    expect(r.stderr).toContain(`${file} is not a directory`);
  });

  it("a temporary directory under /proc: exit 2 naming the run folder and TMPDIR", async () => {
    const r = await run([], { TMPDIR: "/proc/nope" });
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.stderr).toMatch(/The run's folder \/proc\/nope\/preview-tunnel-\w+ cannot be created .*TMPDIR/);
  });
});

/**
 * The CLI in process: `runCli(["run", ...], io)` with real processes. Exit codes 0 (test
 * passed), 1 (test failed), 2 (invalid input), 3 (the app could not start), and
 * PREVIEW_URL (no trailing slash) on stdout and in the test command's environment.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../../src/errors.js";
import { processesWithMark } from "../helpers/processes.js";
import { type Harness, nodeApp, runCliCaptured, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

const cli = (...argv: string[]) => runCliCaptured(h, argv);

describe("preview-tunnel run", () => {
  it("exits 0 when the test passes; PREVIEW_URL reaches the test command without a trailing slash", async () => {
    const out = path.join(h.tempDir, "check.json");
    const { code, stdout, stderr } = await cli(
      "run",
      "--start",
      nodeApp("health-only.mjs"),
      "--ready",
      "/health",
      "--test",
      `CHECK_OUT='${out}' CHECK_PATH=/health ${nodeApp("check-url.mjs")}`,
    );

    expect(code).toBe(EXIT.ok);
    const url = /^PREVIEW_URL=(.*)$/m.exec(stdout)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.previewUrl).toBe(url);
    expect(report).toMatchObject({ status: 200, body: "ok\n" });
    expect(stderr).toContain("Done: passed.");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("exits 1 when the test command fails", async () => {
    const { code, stderr } = await cli(
      "run",
      "--start",
      nodeApp("health-only.mjs"),
      "--test",
      "exit 7",
      "--ready",
      "tcp",
    );
    expect(code).toBe(EXIT.testFailed);
    expect(stderr).toContain("The test command exited with code 7.");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });

  it("exits 2 on invalid input, naming the input and the bad value, before starting anything", async () => {
    const { code, stdout, stderr } = await cli(
      "run",
      "--start",
      nodeApp("ignore-sigterm.mjs"),
      "--port",
      "0",
      "--test",
      "exit 0",
    );
    expect(code).toBe(EXIT.invalidInput);
    expect(stderr).toContain('Input "port" must be a TCP port number from 1 to 65535 (got "0").');
    expect(stderr).not.toContain("Starting the app");
    expect(stdout).toBe("");
  });

  it("exits 2 on an unknown flag", async () => {
    const { code, stderr } = await cli("run", "--start", "true", "--no-such-flag", "x");
    expect(code).toBe(EXIT.invalidInput);
    expect(stderr).toContain("--no-such-flag");
  });

  it("exits 3 when the app crashes at boot, with its exit code and output", async () => {
    const { code, stdout, stderr } = await cli(
      "run",
      "--start",
      nodeApp("crash-at-boot.mjs"),
      "--ready-timeout",
      "30s",
      "--test",
      "exit 0",
    );
    expect(code).toBe(EXIT.startFailed);
    expect(stderr).toContain("The app exited with code 3 before it was ready.");
    expect(stderr).toContain("| crash-at-boot: line 80 of 80");
    expect(stdout).not.toContain("PREVIEW_URL=");
    expect(processesWithMark(h.mark.value)).toEqual([]);
  });
});

describe("preview-tunnel replay", () => {
  it("re-sends a run's recorded requests to another server and prints each status", async () => {
    const har = path.join(h.tempDir, "run.har");
    const run = await cli(
      "run",
      "--start",
      nodeApp("health-only.mjs"),
      "--ready",
      "/health",
      "--record",
      har,
      "--test",
      `CHECK_PATH=/health ${nodeApp("check-url.mjs")} && CHECK_PATH=/nope CHECK_STATUS=404 ${nodeApp("check-url.mjs")}`,
    );
    expect(run.code).toBe(EXIT.ok);

    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers["x-replayed"] ?? ""}`);
      res.writeHead(req.url === "/health" ? 204 : 410).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const replay = await cli(
        "replay",
        har,
        "--to",
        `http://127.0.0.1:${port}`,
        "--header",
        "X-Replayed: yes",
      );
      expect(replay.code).toBe(EXIT.ok);
      expect(seen).toEqual(["GET /health yes", "GET /nope yes"]);
      expect(replay.stdout).toContain("204  GET /health");
      expect(replay.stdout).toContain("410  GET /nope");
      expect(replay.stdout).toContain("2 request(s) replayed, 0 without a response");

      const filtered = await cli("replay", har, "--to", `http://127.0.0.1:${port}`, "--filter", "^GET /nope");
      expect(filtered.stdout).toContain("1 request(s) replayed");
    } finally {
      server.close();
    }
  });

  it("rejects bad arguments with exit 2 and says what is wrong", async () => {
    const missing = await cli("replay");
    expect(missing.code).toBe(EXIT.invalidInput);
    expect(missing.stderr).toContain("give exactly one HAR file");
    const secret = await cli("replay", "x.har", "--secret", "github=NO_SUCH_VARIABLE_SET");
    expect(secret.code).toBe(EXIT.invalidInput);
    expect(secret.stderr).toContain("the environment variable NO_SUCH_VARIABLE_SET is not set");
    const provider = await cli("replay", "x.har", "--secret", "gitea=X");
    expect(provider.stderr).toContain("--secret must be <provider>=<ENV_VAR>");
  });
});

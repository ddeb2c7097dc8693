/**
 * The Docker Compose example (examples/compose) with the real `docker compose`, where it
 * works: started with `up -d --wait` (detached: the start command returns, Docker's daemon
 * owns the containers), stopped with `down -v`, nothing left. Without a Docker engine the test
 * skips and says why (test/platform-skips.json allows that only on such a machine); the same
 * detached start and stop path runs everywhere with the stand-in (detached.int.test.ts).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONDITIONS } from "../../scripts/machine-conditions.js";
import { type Harness, nodeApp, useHarness } from "./harness.js";

let h: Harness;
useHarness((created) => {
  h = created;
});

const docker = (...args: string[]) => spawnSync("docker", args, { encoding: "utf8", timeout: 60_000 });

describe("the Docker Compose example", () => {
  it("starts with docker compose up -d --wait and stops with docker compose down -v, leaving no container or volume", async (ctx) => {
    const missing = CONDITIONS["no-docker-engine"].check();
    if (missing !== undefined) ctx.skip(`needs docker compose with a Docker engine: ${missing}`);
    const project = `preview-tunnel-test-${h.mark.value.slice(0, 8)}`;
    const out = path.join(h.tempDir, "page.json");
    const result = await h.run({
      "working-directory": "examples/compose",
      start: "docker compose up -d --wait",
      stop: "docker compose down -v",
      ready: "/health",
      "ready-timeout": "5m",
      env: `COMPOSE_PROJECT_NAME=${project}`,
      test: `CHECK_OUT='${out}' ${nodeApp("check-url.mjs")}`,
    });

    expect(result.outcome).toBe("passed");
    expect(JSON.parse(readFileSync(out, "utf8")).body).toContain("Postgres at db:5432 is up");
    expect(h.messages("info").join("\n")).toContain("the app runs detached from it");
    expect(result.warnings).toBeUndefined();
    expect(
      docker("ps", "-a", "-q", "--filter", `label=com.docker.compose.project=${project}`).stdout.trim(),
    ).toBe("");
    expect(
      docker("volume", "ls", "-q", "--filter", `label=com.docker.compose.project=${project}`).stdout.trim(),
    ).toBe("");
  }, 600_000);
});

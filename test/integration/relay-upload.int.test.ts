/**
 * The fork side: the real @actions/artifact client uploading status artifacts to the fake
 * GitHub's results service and blob storage, read back through the REST API the relay uses.
 */

import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DefaultArtifactClient } from "@actions/artifact";
import { build } from "esbuild";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRelayApi } from "../../src/relay/api.js";
import { readStatusZip } from "../../src/relay/read.js";
import { DEFAULT_READ_LIMITS } from "../../src/relay/settings.js";
import { RelayStatusPublisher } from "../../src/relay/status-publisher.js";
import { loadArtifactStore, type StatusArtifactStore, StatusUploader } from "../../src/relay/upload.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { FakeArtifacts, type FakeRun } from "../helpers/fake-github-artifacts.js";
import { warningLogger } from "../helpers/logger.js";

const TOKEN = "ghs_relay_upload";
const REPO = { owner: "o", repo: "r" };

let fake: FakeGitHub;
let artifacts: FakeArtifacts;
let run: FakeRun;
let tempDir: string;
const releases: (() => void)[] = [];

beforeEach(async () => {
  artifacts = new FakeArtifacts();
  fake = await FakeGitHub.start({ token: TOKEN, extensions: [artifacts] });
  run = await artifacts.startRun();
  for (const [name, value] of Object.entries(artifacts.runtimeEnv(run))) vi.stubEnv(name, value);
  // github.com: @actions/artifact refuses GitHub Enterprise Server.
  vi.stubEnv("GITHUB_SERVER_URL", "https://github.com");
  // @actions/core writes the library's progress to stdout as workflow commands: keep it quiet.
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  tempDir = mkdtempSync(path.join(tmpdir(), "pt-relay-upload-"));
});

afterEach(async () => {
  for (const release of releases.splice(0)) release();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await fake.close();
  rmSync(tempDir, { recursive: true, force: true });
});

function uploader(options: { key?: string; store?: () => Promise<StatusArtifactStore> } = {}) {
  const log = warningLogger();
  const up = new StatusUploader({
    store: options.store ?? (() => loadArtifactStore({ tempDir })),
    key: options.key ?? "preview",
    attempt: 1,
    logger: log.logger,
  });
  return { up, warnings: log.warnings };
}

const relayApi = () =>
  createRelayApi({ token: TOKEN, apiUrl: fake.url, logger: warningLogger().logger, retryUnitMs: 1 });

async function statusOf(name: string): Promise<unknown> {
  const artifact = artifacts.listed(run).find((a) => a.name === name);
  if (!artifact) throw new Error(`no artifact ${name}`);
  const zip = await (await relayApi()).downloadArtifact(REPO, artifact.id, DEFAULT_READ_LIMITS.zipBytes);
  const read = await readStatusZip(zip, DEFAULT_READ_LIMITS);
  if (!read.ok) throw new Error(read.reason);
  return read.value;
}

describe("status upload through @actions/artifact", () => {
  it("uploads a status the REST listing shows while the run is still going, as a zip holding status.json", async () => {
    const { up, warnings } = uploader();
    up.submit({ status: "starting", times: { started: "2026-05-01T12:00:00.000Z" } });
    expect(await up.flush(30_000)).toBe(true);

    expect(run.status).toBe("in_progress");
    const listing = await (await relayApi()).listRunArtifacts(REPO, run.id);
    expect(listing.modified && listing.value.map((a) => a.name)).toEqual([
      "preview-tunnel-status-preview-a1-0001",
    ]);
    expect(await statusOf("preview-tunnel-status-preview-a1-0001")).toEqual({
      schema: 1,
      sequence: 1,
      status: "starting",
      times: { started: "2026-05-01T12:00:00.000Z" },
    });
    // Create, upload (block + block list) and finalize, as the library does it.
    const methods = fake.requestsTo("artifact-twirp").map((r) => r.path.split("/").pop());
    expect(methods).toEqual(["ListArtifacts", "CreateArtifact", "FinalizeArtifact"]);
    expect(
      fake.requestsTo("blob-put").map((r) => new URL(r.path, "http://x").searchParams.get("comp")),
    ).toEqual(["block", "blocklist"]);
    expect(warnings).toEqual([]);
  });

  it("the service refuses a second artifact under the same name (409); delete + re-create works", async () => {
    const client = new DefaultArtifactClient();
    const file = path.join(tempDir, "status.json");
    writeFileSync(file, "{}");
    await client.uploadArtifact("same", [file], tempDir);
    await expect(client.uploadArtifact("same", [file], tempDir)).rejects.toThrow(
      /\(409\) Conflict: an artifact with this name already exists on the workflow run/,
    );
    await client.deleteArtifact("same");
    await client.uploadArtifact("same", [file], tempDir);
    expect(artifacts.listed(run).map((a) => a.name)).toEqual(["same"]);
  });

  it("lists with an ETag and answers 304 until something changes", async () => {
    const api = await relayApi();
    const first = await api.listRunArtifacts(REPO, run.id);
    if (!first.modified) throw new Error("expected a listing");
    expect(first.etag).toMatch(/^W\/"/);
    expect(await api.listRunArtifacts(REPO, run.id, first.etag)).toEqual({ modified: false });
    const { up } = uploader();
    up.submit({ status: "starting" });
    await up.flush(30_000);
    const next = await api.listRunArtifacts(REPO, run.id, first.etag);
    expect(next.modified && next.value.length).toBe(1);
  });

  it("uploads one at a time, and while one is in flight only the newest status waits", async () => {
    const { up, warnings } = uploader();
    const held = artifacts.pause("CreateArtifact");
    releases.push(held.release);
    up.submit({ status: "starting" });
    await held.reached;
    up.submit({ status: "live", url: "https://a.trycloudflare.com/", provider: "cloudflared" });
    up.submit({ status: "tests", url: "https://a.trycloudflare.com/", tests: { passed: 2, total: 2 } });
    held.release();
    expect(await up.flush(30_000)).toBe(true);

    expect(artifacts.listed(run).map((a) => a.name)).toEqual([
      "preview-tunnel-status-preview-a1-0001",
      "preview-tunnel-status-preview-a1-0002",
    ]);
    expect(await statusOf("preview-tunnel-status-preview-a1-0002")).toMatchObject({
      status: "tests",
      sequence: 2,
    });
    // Never two at once: the second CreateArtifact came after the first FinalizeArtifact.
    const calls = fake.requestsTo("artifact-twirp").map((r) => r.path.split("/").pop());
    expect(calls).toEqual([
      "ListArtifacts",
      "CreateArtifact",
      "FinalizeArtifact",
      "CreateArtifact",
      "FinalizeArtifact",
    ]);
    expect(warnings).toEqual([]);
  });

  it("a failed upload is a warning, and the next status still goes out", async () => {
    const { up, warnings } = uploader();
    fake.fail("artifact-twirp", { status: 400, times: 2 }); // ListArtifacts, then CreateArtifact
    up.submit({ status: "starting" });
    expect(await up.flush(30_000)).toBe(true);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Could not upload the preview's status for the relay workflow \(artifact preview-tunnel-status-preview-a1-0001\): /,
      ),
    ]);
    up.submit({ status: "stopped" });
    expect(await up.flush(30_000)).toBe(true);
    expect(artifacts.listed(run).map((a) => a.name)).toEqual(["preview-tunnel-status-preview-a1-0002"]);
  });

  it("bounds the wait for the last upload at teardown", async () => {
    const log = warningLogger();
    const up = new StatusUploader({
      store: () => loadArtifactStore({ tempDir }),
      key: "preview",
      attempt: 1,
      logger: log.logger,
    });
    const publisher = new RelayStatusPublisher({ sink: up, finalTimeoutMs: 200 });
    const held = artifacts.pause("CreateArtifact");
    releases.push(held.release);
    await publisher.starting();
    await held.reached;
    await publisher.stopped(); // returns after ~200 ms although the upload hangs
    expect(log.warnings).toEqual([
      "The preview's last status did not reach the relay workflow within 200ms; the relay marks the preview stopped when the run completes.",
    ]);
    held.release();
    expect(await up.flush(30_000)).toBe(true);
    expect(artifacts.listed(run).map((a) => a.name)).toEqual([
      "preview-tunnel-status-preview-a1-0001",
      "preview-tunnel-status-preview-a1-0002",
    ]);
  });

  it("a second uploader in the same job (the post step after a killed main step) continues the numbering", async () => {
    const first = uploader();
    first.up.submit({ status: "starting" });
    first.up.submit({ status: "live" });
    await first.up.flush(30_000);
    await first.up.flush(30_000);
    const second = uploader();
    second.up.submit({ status: "stopped" });
    await second.up.flush(30_000);
    expect(
      artifacts
        .listed(run)
        .map((a) => a.name)
        .at(-1),
    ).toBe("preview-tunnel-status-preview-a1-0003");
    expect(second.warnings).toEqual([]);
  });

  it("without the runner's artifact variables it warns once and uploads nothing", async () => {
    vi.stubEnv("ACTIONS_RUNTIME_TOKEN", "");
    const { up, warnings } = uploader();
    up.submit({ status: "starting" });
    await up.flush(30_000);
    up.submit({ status: "stopped" });
    await up.flush(30_000);
    expect(warnings).toEqual([
      "Cannot upload the preview's status for the relay workflow: ACTIONS_RUNTIME_TOKEN is not set (the runner sets them for every JavaScript action step). The relay will not show this preview.",
    ]);
    expect(fake.requestsTo("artifact-twirp")).toEqual([]);
  });

  it("the bundled copy in dist/artifact uploads too (run by node as the runner would)", async () => {
    const script = `
      const { writeFileSync } = require("node:fs");
      const path = require("node:path");
      const client = require(${JSON.stringify(path.resolve("dist/artifact/index.js"))}).default;
      const dir = process.argv[1];
      writeFileSync(path.join(dir, "status.json"), "{}");
      client.uploadArtifact("from-dist", [path.join(dir, "status.json")], dir).then(
        (r) => console.log("uploaded", r.id),
        (e) => { console.error(e); process.exit(1); },
      );`;
    const { stdout } = await promisify(execFile)(process.execPath, ["-e", script, tempDir], {
      env: { ...process.env, GITHUB_SERVER_URL: "https://github.com" },
      timeout: 30_000,
    });
    expect(stdout).toMatch(/^uploaded \d+$/m);
    expect(artifacts.listed(run).map((a) => a.name)).toEqual(["from-dist"]);
  });
});

describe("the lazy boundary", () => {
  it("keeps @actions/artifact out of any bundle that imports the fork side", async () => {
    const result = await build({
      entryPoints: ["src/relay/status-publisher.ts", "src/relay/upload.ts"],
      bundle: true,
      write: false,
      platform: "node",
      format: "cjs",
      outdir: "out",
      logLevel: "silent",
    });
    for (const file of result.outputFiles) {
      expect(file.text).not.toContain("BlockBlobClient");
      expect(file.text).not.toContain("ArtifactServiceClientJSON");
      expect(file.text).not.toContain("archiver");
    }
  });
});

/**
 * Workflow runs and their artifacts for the fake GitHub: the endpoints @actions/artifact (v2+,
 * the upload-artifact v4 service) really calls, enough for the real library to run unmodified,
 * and the REST endpoints a relay reads.
 *
 *   const artifacts = new FakeArtifacts();
 *   const fake = await FakeGitHub.start({ token, extensions: [artifacts] });
 *   const run = artifacts.startRun({ headSha, headBranch: "feature", headRepository: "fork/r" });
 *   Object.assign(process.env, artifacts.runtimeEnv(run)); // ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL
 *   await new DefaultArtifactClient().uploadArtifact("name", [file], dir);
 *   artifacts.completeRun(run, "success");
 *
 * - Results service (Twirp JSON at ACTIONS_RESULTS_URL, `Authorization: Bearer <runtime token>`):
 *   POST /twirp/github.actions.results.api.v1.ArtifactService/{CreateArtifact, FinalizeArtifact,
 *   ListArtifacts, GetSignedArtifactURL, DeleteArtifact}. The runtime token is a JWT whose `scp`
 *   claim carries "Actions.Results:<run backend id>:<job backend id>", which the library parses.
 *   A second CreateArtifact under a name the run already has answers 409, as the service does.
 * - Blob storage (what CreateArtifact's signed URL points at, Azure block blob, path style
 *   /devstoreaccount1/...): PUT ?comp=block&blockid=, PUT ?comp=blocklist, a single PUT, and GET,
 *   each checking the URL's `sig`.
 * - REST (with the fake's token): GET /repos/{o}/{r}/actions/runs/{id} and
 *   .../runs/{id}/artifacts (both with ETag; If-None-Match answers 304), GET
 *   /repos/{o}/{r}/actions/artifacts/{id}/zip (302 to a signed blob URL), DELETE
 *   /repos/{o}/{r}/actions/artifacts/{id}, and GET /repos/{o}/{r}/pulls?head=owner:branch.
 * Artifacts are listed once finalized, while the run is still going, as on GitHub.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { FakeExtension, FakeGitHub, FakeRequest, FakeRoute } from "./fake-github.js";

export interface FakeRun {
  readonly id: number;
  readonly owner: string;
  readonly repo: string;
  readonly backendId: string;
  readonly jobBackendId: string;
  /** ACTIONS_RUNTIME_TOKEN of the run's job. */
  token: string;
  status: "queued" | "in_progress" | "completed";
  conclusion: string | null;
  readonly attempt: number;
  readonly event: string;
  readonly headSha: string;
  readonly headBranch: string;
  readonly headRepository: string;
}

export interface FakeArtifact {
  readonly id: number;
  readonly run: FakeRun;
  readonly name: string;
  readonly blob: string;
  size: number;
  digest: string | undefined;
  finalized: boolean;
  deleted: boolean;
  expired: boolean;
  readonly createdAt: string;
  readonly expiresAt: string | undefined;
}

export interface FakePull {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly headSha: string;
  readonly headRef: string;
  /** owner/name of the head repository (a fork). */
  readonly headRepository: string;
  readonly baseRef: string;
  state: "open" | "closed";
}

interface Blob {
  readonly blocks: Map<string, Buffer>;
  data: Buffer | undefined;
  readonly writeSig: string;
  readonly readSig: string;
}

const SERVICE = "github.actions.results.api.v1.ArtifactService";
const BLOB_PREFIX = "/devstoreaccount1/actions-results/";
const REPO = "([^/]+)\\/([^/]+)";

export class FakeArtifacts implements FakeExtension {
  readonly runs: FakeRun[] = [];
  readonly artifacts: FakeArtifact[] = [];
  readonly pulls: FakePull[] = [];
  private readonly blobs = new Map<string, Blob>();
  private readonly pauses: { method: string; reached: () => void; released: Promise<void> }[] = [];
  private readonly key = randomBytes(32);
  private fake: FakeGitHub | undefined;

  readonly routes: readonly FakeRoute[] = [
    {
      method: "POST",
      pattern: new RegExp(`^/twirp/${SERVICE.replaceAll(".", "\\.")}/(\\w+)$`),
      name: "artifact-twirp",
      rawPath: true,
      public: true,
    },
    {
      method: "PUT",
      pattern: /^\/devstoreaccount1\/actions-results\/(.+)$/,
      name: "blob-put",
      rawPath: true,
      public: true,
    },
    {
      method: "GET",
      pattern: /^\/devstoreaccount1\/actions-results\/(.+)$/,
      name: "blob-get",
      rawPath: true,
      public: true,
    },
    { method: "GET", pattern: new RegExp(`^/repos/${REPO}/actions/runs/(\\d+)$`), name: "get-run" },
    {
      method: "GET",
      pattern: new RegExp(`^/repos/${REPO}/actions/runs/(\\d+)/artifacts$`),
      name: "list-run-artifacts",
    },
    {
      method: "GET",
      pattern: new RegExp(`^/repos/${REPO}/actions/artifacts/(\\d+)/zip$`),
      name: "download-artifact",
    },
    {
      method: "DELETE",
      pattern: new RegExp(`^/repos/${REPO}/actions/artifacts/(\\d+)$`),
      name: "delete-artifact",
    },
    { method: "GET", pattern: new RegExp(`^/repos/${REPO}/pulls$`), name: "list-pulls" },
  ];

  attach(fake: FakeGitHub): void {
    this.fake = fake;
  }

  /** A workflow run in progress, with a runtime token for its job. */
  async startRun(
    options: {
      owner?: string;
      repo?: string;
      attempt?: number;
      event?: string;
      headSha?: string;
      headBranch?: string;
      headRepository?: string;
    } = {},
  ): Promise<FakeRun> {
    const backendId = randomUUID();
    const jobBackendId = randomUUID();
    const run: FakeRun = {
      id: this.github.newId(),
      owner: options.owner ?? "o",
      repo: options.repo ?? "r",
      backendId,
      jobBackendId,
      token: "",
      status: "in_progress",
      conclusion: null,
      attempt: options.attempt ?? 1,
      event: options.event ?? "pull_request",
      headSha: options.headSha ?? "a".repeat(40),
      headBranch: options.headBranch ?? "feature",
      headRepository: options.headRepository ?? "fork-owner/r",
    };
    run.token = await new SignJWT({
      scp: `Actions.ExampleScope Actions.Results:${backendId}:${jobBackendId}`,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(this.key);
    this.runs.push(run);
    return run;
  }

  /** The variables the runner gives a JS action for its artifacts. */
  runtimeEnv(run: FakeRun): Record<string, string> {
    return { ACTIONS_RUNTIME_TOKEN: run.token, ACTIONS_RESULTS_URL: `${this.github.url}/` };
  }

  completeRun(run: FakeRun, conclusion: string): void {
    run.status = "completed";
    run.conclusion = conclusion;
  }

  addPull(pull: Omit<FakePull, "state" | "owner" | "repo"> & { owner?: string; repo?: string }): FakePull {
    const added: FakePull = { owner: "o", repo: "r", ...pull, state: "open" };
    this.pulls.push(added);
    return added;
  }

  /** An artifact as if uploaded and finalized, with these bytes (e.g. a hand-made hostile zip). */
  seedArtifact(run: FakeRun, name: string, data: Buffer): FakeArtifact {
    const artifact = this.create(run, name, undefined);
    const blob = this.blobs.get(artifact.blob) as Blob;
    blob.data = data;
    artifact.size = data.length;
    artifact.digest = `sha256:${createHash("sha256").update(data).digest("hex")}`;
    artifact.finalized = true;
    return artifact;
  }

  /**
   * Holds the next call to a Twirp method (e.g. "CreateArtifact") until `release()`: an upload in
   * flight, for as long as a test needs, without timers.
   */
  pause(method: string): { readonly reached: Promise<void>; release(): void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.pauses.push({ method, reached, released });
    return { reached: reachedPromise, release };
  }

  /** Finalized, not deleted artifacts of a run, oldest first. */
  listed(run: FakeRun): FakeArtifact[] {
    return this.artifacts.filter((a) => a.run === run && a.finalized && !a.deleted);
  }

  /** The bytes of an uploaded artifact (the zip). */
  contents(artifact: FakeArtifact): Buffer | undefined {
    return this.blobs.get(artifact.blob)?.data;
  }

  async handle(route: string, request: FakeRequest): Promise<void> {
    switch (route) {
      case "artifact-twirp":
        return this.twirp(request);
      case "blob-put":
        return this.blobPut(request);
      case "blob-get":
        return this.blobGet(request);
      default:
        return this.rest(route, request);
    }
  }

  private get github(): FakeGitHub {
    if (!this.fake) throw new Error("FakeArtifacts: pass it to FakeGitHub.start({ extensions })");
    return this.fake;
  }

  private create(run: FakeRun, name: string, expiresAt: string | undefined): FakeArtifact {
    const blob = `${run.backendId}/${run.jobBackendId}/${encodeURIComponent(name)}.zip`;
    this.blobs.set(blob, {
      blocks: new Map(),
      data: undefined,
      writeSig: randomBytes(12).toString("hex"),
      readSig: randomBytes(12).toString("hex"),
    });
    const artifact: FakeArtifact = {
      id: this.github.newId(),
      run,
      name,
      blob,
      size: 0,
      digest: undefined,
      finalized: false,
      deleted: false,
      expired: false,
      createdAt: new Date().toISOString(),
      expiresAt,
    };
    this.artifacts.push(artifact);
    return artifact;
  }

  private blobUrl(artifact: FakeArtifact, permission: "r" | "w"): string {
    const blob = this.blobs.get(artifact.blob) as Blob;
    const sig = permission === "w" ? blob.writeSig : blob.readSig;
    const expiry = new Date(Date.now() + 3600_000).toISOString();
    return `${this.github.url}${BLOB_PREFIX}${artifact.blob}?sv=2025-01-05&se=${encodeURIComponent(expiry)}&sr=b&sp=${permission}&sig=${sig}`;
  }

  // --- Results service (Twirp) ---

  private async twirp(request: FakeRequest): Promise<void> {
    const { req, params, send } = request;
    const paused = this.pauses.findIndex((p) => p.method === params[0]);
    if (paused >= 0) {
      const [pause] = this.pauses.splice(paused, 1);
      pause?.reached();
      await pause?.released;
    }
    const fail = (status: number, code: string, msg: string) => send(status, { code, msg });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const run = this.runs.find((r) => r.token === bearer);
    if (!run) return fail(401, "unauthenticated", "invalid or missing runtime token");
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (
      body.workflow_run_backend_id !== run.backendId ||
      body.workflow_job_run_backend_id !== run.jobBackendId
    ) {
      return fail(403, "permission_denied", "the backend ids are not the token's");
    }
    const name = typeof body.name === "string" ? body.name : undefined;
    const live = (n: string | undefined) =>
      this.artifacts.find((a) => a.run === run && a.name === n && !a.deleted);
    switch (params[0]) {
      case "CreateArtifact": {
        if (!name) return fail(400, "invalid_argument", "name is required");
        if (live(name))
          return fail(409, "already_exists", "an artifact with this name already exists on the workflow run");
        const artifact = this.create(
          run,
          name,
          typeof body.expires_at === "string" ? body.expires_at : undefined,
        );
        return send(200, { ok: true, signed_upload_url: this.blobUrl(artifact, "w") });
      }
      case "FinalizeArtifact": {
        const artifact = live(name);
        if (!artifact || artifact.finalized) return fail(404, "not_found", "artifact not found");
        const data = this.blobs.get(artifact.blob)?.data;
        if (!data) return fail(400, "invalid_argument", "nothing was uploaded");
        if (String(body.size) !== String(data.length)) {
          return fail(
            400,
            "invalid_argument",
            `size ${String(body.size)} does not match the upload (${data.length})`,
          );
        }
        const hash = (body.hash as { value?: unknown } | string | undefined) ?? undefined;
        artifact.digest =
          typeof hash === "string" ? hash : typeof hash?.value === "string" ? hash.value : undefined;
        artifact.size = data.length;
        artifact.finalized = true;
        return send(200, { ok: true, artifact_id: String(artifact.id) });
      }
      case "ListArtifacts": {
        const nameFilter = stringValue(body.name_filter);
        const idFilter = stringValue(body.id_filter);
        const artifacts = this.listed(run)
          .filter((a) => nameFilter === undefined || a.name === nameFilter)
          .filter((a) => idFilter === undefined || String(a.id) === idFilter)
          .map((a) => ({
            workflow_run_backend_id: run.backendId,
            workflow_job_run_backend_id: run.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {}),
          }));
        return send(200, { artifacts });
      }
      case "GetSignedArtifactURL": {
        const artifact = live(name);
        if (!artifact?.finalized) return fail(404, "not_found", "artifact not found");
        return send(200, { signed_url: this.blobUrl(artifact, "r") });
      }
      case "DeleteArtifact": {
        const artifact = live(name);
        if (!artifact) return fail(404, "not_found", "artifact not found");
        artifact.deleted = true;
        return send(200, { ok: true, artifact_id: String(artifact.id) });
      }
      default:
        return fail(404, "bad_route", `no handler for ${params[0]}`);
    }
  }

  // --- Blob storage (Azure block blob) ---

  private blobFor(request: FakeRequest, permission: "r" | "w"): Blob | undefined {
    const blob = this.blobs.get(request.params[0] ?? "");
    const sig = request.url.searchParams.get("sig");
    const sp = request.url.searchParams.get("sp");
    if (!blob || sp !== permission || sig !== (permission === "w" ? blob.writeSig : blob.readSig)) {
      request.sendRaw(
        403,
        '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.</Message></Error>',
        { "content-type": "application/xml", "x-ms-error-code": "AuthenticationFailed" },
      );
      return undefined;
    }
    return blob;
  }

  private async blobPut(request: FakeRequest): Promise<void> {
    const blob = this.blobFor(request, "w");
    if (!blob) return;
    const comp = request.url.searchParams.get("comp");
    const headers = {
      "x-ms-request-id": randomUUID(),
      "x-ms-version": "2025-01-05",
      "x-ms-request-server-encrypted": "true",
    };
    if (comp === "block") {
      const id = request.url.searchParams.get("blockid");
      if (!id) return request.sendRaw(400, "", headers);
      blob.blocks.set(id, request.raw);
      return request.sendRaw(201, "", headers);
    }
    if (comp === "blocklist") {
      const ids = Array.from(
        request.raw.toString("utf8").matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g),
        (m) => m[1] ?? "",
      );
      const parts = ids.map((id) => blob.blocks.get(id));
      if (parts.some((p) => p === undefined)) {
        return request.sendRaw(400, "<Error><Code>InvalidBlockList</Code></Error>", {
          ...headers,
          "content-type": "application/xml",
          "x-ms-error-code": "InvalidBlockList",
        });
      }
      blob.data = Buffer.concat(parts as Buffer[]);
      return request.sendRaw(201, "", {
        ...headers,
        etag: `"0x${randomBytes(8).toString("hex").toUpperCase()}"`,
        "last-modified": new Date().toUTCString(),
      });
    }
    if (comp === null && request.req.headers["x-ms-blob-type"] === "BlockBlob") {
      blob.data = request.raw;
      return request.sendRaw(201, "", {
        ...headers,
        etag: `"0x${randomBytes(8).toString("hex").toUpperCase()}"`,
      });
    }
    request.sendRaw(400, "<Error><Code>UnsupportedQueryParameter</Code></Error>", {
      ...headers,
      "content-type": "application/xml",
    });
  }

  private async blobGet(request: FakeRequest): Promise<void> {
    const blob = this.blobFor(request, "r");
    if (!blob) return;
    if (!blob.data)
      return request.sendRaw(404, "<Error><Code>BlobNotFound</Code></Error>", {
        "content-type": "application/xml",
      });
    request.sendRaw(200, blob.data, {
      "content-type": "application/zip",
      "content-length": String(blob.data.length),
    });
  }

  // --- REST ---

  private async rest(route: string, request: FakeRequest): Promise<void> {
    const { params, send, url } = request;
    const [owner = "", repo = "", id = ""] = params;
    const run = this.runs.find((r) => r.owner === owner && r.repo === repo && r.id === Number(id));
    const artifact = this.artifacts.find(
      (a) => a.run.owner === owner && a.run.repo === repo && a.id === Number(id) && a.finalized && !a.deleted,
    );
    switch (route) {
      case "get-run":
        if (!run) return send(404, { message: "Not Found" });
        return conditional(request, this.runJson(run));
      case "list-run-artifacts": {
        if (!run) return send(404, { message: "Not Found" });
        const all = this.listed(run).reverse(); // newest first, as GitHub lists them
        const nameFilter = url.searchParams.get("name");
        const matching = nameFilter === null ? all : all.filter((a) => a.name === nameFilter);
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
        return conditional(request, {
          total_count: matching.length,
          artifacts: matching.slice((page - 1) * perPage, page * perPage).map((a) => this.artifactJson(a)),
        });
      }
      case "download-artifact":
        if (!artifact) return send(404, { message: "Not Found" });
        if (artifact.expired) return send(410, { message: "Artifact has expired" });
        return send(302, undefined, { location: this.blobUrl(artifact, "r") });
      case "delete-artifact":
        if (!artifact) return send(404, { message: "Not Found" });
        artifact.deleted = true;
        return send(204, undefined);
      case "list-pulls": {
        const state = url.searchParams.get("state") ?? "open";
        const head = url.searchParams.get("head");
        const pulls = this.pulls
          .filter((p) => p.owner === owner && p.repo === repo && (state === "all" || p.state === state))
          .filter((p) => head === null || `${p.headRepository.split("/")[0]}:${p.headRef}` === head)
          .map((p) => ({
            number: p.number,
            state: p.state,
            head: { sha: p.headSha, ref: p.headRef, repo: { full_name: p.headRepository } },
            base: { ref: p.baseRef, repo: { full_name: `${owner}/${repo}` } },
          }));
        return send(200, pulls);
      }
    }
  }

  private runJson(run: FakeRun) {
    return {
      id: run.id,
      name: "Preview",
      event: run.event,
      status: run.status,
      conclusion: run.conclusion,
      run_attempt: run.attempt,
      head_sha: run.headSha,
      head_branch: run.headBranch,
      html_url: `https://github.com/${run.owner}/${run.repo}/actions/runs/${run.id}`,
      head_repository: { full_name: run.headRepository },
      repository: { full_name: `${run.owner}/${run.repo}` },
    };
  }

  private artifactJson(a: FakeArtifact) {
    const api = `${this.github.url}/repos/${a.run.owner}/${a.run.repo}/actions/artifacts/${a.id}`;
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.size,
      url: api,
      archive_download_url: `${api}/zip`,
      expired: a.expired,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: a.expiresAt ?? null,
      digest: a.digest ?? null,
      workflow_run: {
        id: a.run.id,
        head_branch: a.run.headBranch,
        head_sha: a.run.headSha,
      },
    };
  }
}

/** Answers with `data` and its ETag, or 304 when the client already has it (If-None-Match). */
function conditional(request: FakeRequest, data: unknown): void {
  const etag = `W/"${createHash("sha1").update(JSON.stringify(data)).digest("hex")}"`;
  if (request.req.headers["if-none-match"] === etag) {
    request.sendRaw(304, "", { etag });
    return;
  }
  request.send(200, data, { etag });
}

/** A google.protobuf wrapper as JSON: the bare value (or {value}), as a string. */
function stringValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  return String(value);
}

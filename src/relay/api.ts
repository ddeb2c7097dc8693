/**
 * The GitHub calls the relay makes beyond publishing (which goes through GitHubApi): the
 * triggering run, its artifacts, an artifact's zip, the pull request of a fork's branch, and
 * the deployments of an environment. An interface, so the relay logic is tested against fakes;
 * the Octokit implementation shares client.ts's retry, throttling and timeouts.
 */
import {
  GitHubApiError,
  type GitHubClientModule,
  type GitHubClientOptions,
  loadGitHubClient,
  type RepoRef,
} from "../github/index.js";

export interface RunArtifact {
  readonly id: number;
  readonly name: string;
  readonly sizeInBytes: number;
  readonly expired: boolean;
}

export interface RunState {
  /** queued, in_progress, completed, ... */
  readonly status: string;
  readonly conclusion: string | undefined;
}

/** A conditional GET's answer: the new value and its ETag, or "not modified" (HTTP 304). */
export type Conditional<T> =
  | { readonly modified: true; readonly etag: string | undefined; readonly value: T }
  | { readonly modified: false };

export interface HeadPullRequest {
  readonly number: number;
  readonly open: boolean;
  readonly headSha: string;
  /** owner/name of the head repository; "" when it was deleted. */
  readonly headRepository: string;
  readonly baseRef: string;
}

export interface RelayApi {
  getRun(repo: RepoRef, runId: number, etag?: string): Promise<Conditional<RunState>>;
  listRunArtifacts(repo: RepoRef, runId: number, etag?: string): Promise<Conditional<RunArtifact[]>>;
  /** The artifact's zip, refused (ArtifactTooLargeError) once it passes `maxBytes`. */
  downloadArtifact(repo: RepoRef, artifactId: number, maxBytes: number): Promise<Buffer>;
  /** Pull requests (open or not) whose head is `owner:branch`. */
  pullRequestsWithHead(repo: RepoRef, head: string): Promise<HeadPullRequest[]>;
  /** Deployments of `environment` for `sha`, newest first, with their latest state. */
  deployments(
    repo: RepoRef,
    environment: string,
    sha: string,
  ): Promise<{ readonly id: number; readonly state: string | undefined }[]>;
}

export class ArtifactTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the artifact is larger than ${maxBytes} bytes`);
    this.name = "ArtifactTooLargeError";
  }
}

/** Most pages of artifacts read (100 each); a preview run has a handful. */
const ARTIFACT_PAGES = 5;
/** Longest the download of one artifact's zip may take. */
const DOWNLOAD_TIMEOUT_MS = 30_000;

type Octokit = ReturnType<GitHubClientModule["createOctokit"]>;
type Call = GitHubClientModule["apiCall"];

/** The relay's calls over Octokit (loaded now: client.ts is a chunk of its own). */
export async function createRelayApi(options: GitHubClientOptions): Promise<RelayApi> {
  const client = await loadGitHubClient();
  return new OctokitRelayApi(client.createOctokit(options), client.apiCall, options.signal);
}

class OctokitRelayApi implements RelayApi {
  constructor(
    private readonly octokit: Octokit,
    private readonly call: Call,
    private readonly signal: AbortSignal | undefined,
  ) {}

  getRun(repo: RepoRef, runId: number, etag?: string): Promise<Conditional<RunState>> {
    return conditional(this.call, "read the workflow run", etag, async (headers) => {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", {
        ...repo,
        run_id: runId,
        headers,
      });
      return {
        etag: response.headers.etag,
        value: { status: response.data.status ?? "", conclusion: response.data.conclusion ?? undefined },
      };
    });
  }

  listRunArtifacts(repo: RepoRef, runId: number, etag?: string): Promise<Conditional<RunArtifact[]>> {
    return conditional(this.call, "list the run's artifacts", etag, async (headers) => {
      const artifacts: RunArtifact[] = [];
      let first: string | undefined;
      for (let page = 1; page <= ARTIFACT_PAGES; page++) {
        const response = await this.octokit.request(
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
          {
            ...repo,
            run_id: runId,
            per_page: 100,
            page,
            // Only the first page is conditional: it changes whenever any page does.
            headers: page === 1 ? headers : {},
          },
        );
        if (page === 1) first = response.headers.etag;
        for (const a of response.data.artifacts) {
          artifacts.push({ id: a.id, name: a.name, sizeInBytes: a.size_in_bytes, expired: a.expired });
        }
        if (page * 100 >= response.data.total_count) break;
      }
      return { etag: first, value: artifacts };
    });
  }

  async downloadArtifact(repo: RepoRef, artifactId: number, maxBytes: number): Promise<Buffer> {
    // GitHub answers with a redirect to a short-lived storage URL. It is followed by hand so the
    // token never goes to the storage host, and the download is capped.
    const location = await this.call("download the status artifact", async () => {
      const response = await this.octokit.request(
        "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
        {
          ...repo,
          artifact_id: artifactId,
          archive_format: "zip",
          request: { redirect: "manual", parseSuccessResponseBody: false },
        },
      );
      await (response.data as unknown as ReadableStream | null)?.cancel?.().catch(() => {});
      const to = response.headers.location;
      if (response.status < 300 || response.status >= 400 || !to) {
        throw new GitHubApiError(
          `expected a redirect to the artifact's storage, got HTTP ${response.status}`,
          response.status,
        );
      }
      return to;
    });
    const signal = AbortSignal.any([
      AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      ...(this.signal ? [this.signal] : []),
    ]);
    const response = await fetch(location, { signal, redirect: "error" });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new GitHubApiError(
        `could not download the status artifact: HTTP ${response.status}`,
        response.status,
      );
    }
    return readCapped(response, maxBytes);
  }

  pullRequestsWithHead(repo: RepoRef, head: string): Promise<HeadPullRequest[]> {
    return this.call("find the pull request of the run", async () => {
      // "all": the `completed` relay still finds a pull request merged while its preview ran.
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/pulls", {
        ...repo,
        state: "all",
        head,
        per_page: 100,
      });
      return response.data.map((pr) => ({
        number: pr.number,
        open: pr.state === "open",
        headSha: pr.head.sha,
        headRepository: pr.head.repo?.full_name ?? "",
        baseRef: pr.base.ref,
      }));
    });
  }

  deployments(repo: RepoRef, environment: string, sha: string) {
    return this.call("list the preview's deployments", async () => {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
        ...repo,
        environment,
        sha,
        per_page: 100,
      });
      const found = response.data
        .filter((d) => d.environment === environment && d.sha === sha)
        .map((d) => ({ id: Number(d.id) }))
        .sort((a, b) => b.id - a.id);
      const result: { id: number; state: string | undefined }[] = [];
      for (const d of found.slice(0, 5)) {
        const statuses = await this.octokit.request(
          "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
          { ...repo, deployment_id: d.id, per_page: 1 },
        );
        result.push({ id: d.id, state: statuses.data[0]?.state });
      }
      return result;
    });
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ArtifactTooLargeError(maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ArtifactTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function conditional<T>(
  call: Call,
  what: string,
  etag: string | undefined,
  fn: (headers: Record<string, string>) => Promise<{ etag: string | undefined; value: T }>,
): Promise<Conditional<T>> {
  try {
    const { etag: next, value } = await call(what, () => fn(etag ? { "if-none-match": etag } : {}));
    return { modified: true, etag: next, value };
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 304) return { modified: false };
    throw error;
  }
}

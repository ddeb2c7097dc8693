import { createRequire as __ptCreateRequire } from "node:module"; const require = __ptCreateRequire(import.meta.url);
import {
  loadGitHubClient
} from "./chunk-YBFULNOX.js";
import {
  GitHubApiError
} from "./chunk-APRB5VJX.js";

// src/relay/api.ts
var ArtifactTooLargeError = class extends Error {
  constructor(maxBytes) {
    super(`the artifact is larger than ${maxBytes} bytes`);
    this.maxBytes = maxBytes;
    this.name = "ArtifactTooLargeError";
  }
  maxBytes;
};
var ARTIFACT_PAGES = 5;
var DOWNLOAD_TIMEOUT_MS = 3e4;
async function createRelayApi(options) {
  const client = await loadGitHubClient();
  return new OctokitRelayApi(client.createOctokit(options), client.apiCall, options.signal);
}
var OctokitRelayApi = class {
  constructor(octokit, call, signal) {
    this.octokit = octokit;
    this.call = call;
    this.signal = signal;
  }
  octokit;
  call;
  signal;
  getRun(repo, runId, etag) {
    return conditional(this.call, "read the workflow run", etag, async (headers) => {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", {
        ...repo,
        run_id: runId,
        headers
      });
      return {
        etag: response.headers.etag,
        value: { status: response.data.status ?? "", conclusion: response.data.conclusion ?? void 0 }
      };
    });
  }
  listRunArtifacts(repo, runId, etag) {
    return conditional(this.call, "list the run's artifacts", etag, async (headers) => {
      const artifacts = [];
      let first;
      for (let page = 1; page <= ARTIFACT_PAGES; page++) {
        const response = await this.octokit.request(
          "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
          {
            ...repo,
            run_id: runId,
            per_page: 100,
            page,
            // Only the first page is conditional: it changes whenever any page does.
            headers: page === 1 ? headers : {}
          }
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
  async downloadArtifact(repo, artifactId, maxBytes) {
    const location = await this.call("download the status artifact", async () => {
      const response2 = await this.octokit.request(
        "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}",
        {
          ...repo,
          artifact_id: artifactId,
          archive_format: "zip",
          request: { redirect: "manual", parseSuccessResponseBody: false }
        }
      );
      await response2.data?.cancel?.().catch(() => {
      });
      const to = response2.headers.location;
      if (response2.status < 300 || response2.status >= 400 || !to) {
        throw new GitHubApiError(
          `expected a redirect to the artifact's storage, got HTTP ${response2.status}`,
          response2.status
        );
      }
      return to;
    });
    const signal = AbortSignal.any([
      AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
      ...this.signal ? [this.signal] : []
    ]);
    const response = await fetch(location, { signal, redirect: "error" });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {
      });
      throw new GitHubApiError(
        `could not download the status artifact: HTTP ${response.status}`,
        response.status
      );
    }
    return readCapped(response, maxBytes);
  }
  pullRequestsWithHead(repo, head) {
    return this.call("find the pull request of the run", async () => {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/pulls", {
        ...repo,
        state: "all",
        head,
        per_page: 100
      });
      return response.data.map((pr) => ({
        number: pr.number,
        open: pr.state === "open",
        headSha: pr.head.sha,
        headRepository: pr.head.repo?.full_name ?? "",
        baseRef: pr.base.ref
      }));
    });
  }
  deployments(repo, environment, sha) {
    return this.call("list the preview's deployments", async () => {
      const response = await this.octokit.request("GET /repos/{owner}/{repo}/deployments", {
        ...repo,
        environment,
        sha,
        per_page: 100
      });
      const found = response.data.filter((d) => d.environment === environment && d.sha === sha).map((d) => ({ id: Number(d.id) })).sort((a, b) => b.id - a.id);
      const result = [];
      for (const d of found.slice(0, 5)) {
        const statuses = await this.octokit.request(
          "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
          { ...repo, deployment_id: d.id, per_page: 1 }
        );
        result.push({ id: d.id, state: statuses.data[0]?.state });
      }
      return result;
    });
  }
};
async function readCapped(response, maxBytes) {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {
    });
    throw new ArtifactTooLargeError(maxBytes);
  }
  const chunks = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {
      });
      throw new ArtifactTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
async function conditional(call, what, etag, fn) {
  try {
    const { etag: next, value } = await call(what, () => fn(etag ? { "if-none-match": etag } : {}));
    return { modified: true, etag: next, value };
  } catch (error) {
    if (error instanceof GitHubApiError && error.status === 304) return { modified: false };
    throw error;
  }
}

export {
  ArtifactTooLargeError,
  createRelayApi
};

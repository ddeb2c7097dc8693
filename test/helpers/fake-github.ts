/**
 * A small fake of the GitHub REST and GraphQL APIs on 127.0.0.1 (port 0), implementing the
 * calls preview-tunnel makes, recording every request, and failing on demand.
 *
 * Point GITHUB_API_URL at `fake.url` (or `fake.url + "/api/v3"`, Enterprise Server style:
 * GraphQL is then served at /api/graphql).
 *
 *   const fake = await FakeGitHub.start({ login: "github-actions[bot]" });
 *   fake.seedComment({ issue: 7, body: "<!-- preview-tunnel:preview -->", login: "someone" });
 *   fake.fail("create-comment", { status: 502, times: 2 });
 *   fake.secondaryRateLimit("create-deployment", { retryAfter: 1 });
 *   fake.fail("update-comment", { delayMs: 5000 }); // a hung call
 *   ... run ...
 *   fake.requestsTo("update-comment"); fake.deployments[0]?.statuses.map((s) => s.state);
 *   await fake.close();
 *
 * Responses carry the fields the real API documents for these calls (ids, node_id, user,
 * html_url, Link headers for pages), not every field GitHub sends.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

/** Routes of the core fake; extensions add their own names. */
export type CoreRouteName =
  | "viewer"
  | "user"
  | "list-comments"
  | "create-comment"
  | "update-comment"
  | "delete-comment"
  | "nodes"
  | "minimize-comment"
  | "create-deployment"
  | "create-deployment-status"
  | "list-deployments"
  | "list-deployment-statuses";

export type RouteName = CoreRouteName | (string & {});

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, as sent (with any /api/v3 prefix). */
  readonly path: string;
  /** undefined for requests no route matched (answered 404). */
  readonly route: RouteName | undefined;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it was not JSON; undefined when empty. */
  readonly body: unknown;
  /** Date.now() when it arrived. */
  readonly at: number;
  /** Status it was answered with; -1 when the client hung up before the answer. */
  status: number;
}

export interface FakeComment {
  readonly id: number;
  readonly node_id: string;
  readonly owner: string;
  readonly repo: string;
  readonly issue: number;
  body: string;
  readonly login: string;
  minimized: boolean;
  minimizedReason: string | undefined;
  readonly created_at: string;
  updated_at: string;
}

export interface FakeDeploymentStatus {
  readonly id: number;
  readonly state: string;
  readonly description: string | undefined;
  readonly log_url: string | undefined;
  readonly environment_url: string | undefined;
  readonly at: number;
}

export interface FakeDeployment {
  readonly id: number;
  readonly node_id: string;
  readonly owner: string;
  readonly repo: string;
  /** The whole create request body, as sent. */
  readonly request: Record<string, unknown>;
  readonly ref: string;
  readonly environment: string;
  readonly statuses: FakeDeploymentStatus[];
}

export interface FailureSpec {
  /** HTTP status to answer with (ignored when `graphqlError` is set: GraphQL errors come with 200). */
  readonly status?: number;
  /** How many of the next calls to the route fail. Default 1. */
  readonly times?: number;
  readonly message?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Wait this long before answering (a slow or hung server). Without `status` and
   * `graphqlError` the call then proceeds normally.
   */
  readonly delayMs?: number;
  /** Answer 200 with a GraphQL error of this type, e.g. "FORBIDDEN" (GraphQL routes). */
  readonly graphqlError?: { readonly type: string; readonly message: string };
}

export interface FakeGitHubOptions {
  /** Login of the token's identity (viewer, and the author of comments it creates). */
  readonly login?: string;
  /** When set, requests must carry it ("token X" or "Bearer X"); others get 401. */
  readonly token?: string;
  /**
   * A second token, read-only as a fork's GITHUB_TOKEN on `pull_request`: it may read (GET),
   * every write answers 403 "Resource not accessible by integration".
   */
  readonly readOnlyToken?: string;
  /**
   * More endpoints (device flow, artifacts, hooks...), each in its own module, so features
   * extend the fake without editing this file. Their routes are tried after the core's.
   */
  readonly extensions?: readonly FakeExtension[];
}

/** What an extension's handler gets for one request. */
export interface FakeRequest {
  readonly fake: FakeGitHub;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly url: URL;
  /** Path parameters captured by the route's pattern, URL-decoded. */
  readonly params: readonly string[];
  /** Parsed JSON, a form as a plain object (application/x-www-form-urlencoded), else the text. */
  readonly body: unknown;
  readonly raw: Buffer;
  /** Answers with JSON (or nothing when data is undefined), recorded with the request. */
  send(status: number, data: unknown, headers?: Record<string, string>): void;
  /** Answers with any body and content type, recorded with the request. */
  sendRaw(status: number, body: string | Buffer, headers: Record<string, string>): void;
}

/** One endpoint of an extension. */
export interface FakeRoute {
  readonly method: string;
  /** Over the path with any /api/v3 prefix stripped, or the full path when `rawPath`. */
  readonly pattern: RegExp;
  /** What `fail()` and `requestsTo()` take. */
  readonly name: string;
  /** Match on the request's own path (e.g. /login/device/code lives beside the API, not in it). */
  readonly rawPath?: boolean;
  /** Skips the fake's token check (endpoints that take other credentials, e.g. a user's token). */
  readonly public?: boolean;
  /** Takes the request only when this says so (e.g. GET /user with a token the extension issued). */
  readonly claims?: (req: IncomingMessage) => boolean;
}

export interface FakeExtension {
  /** Tried before the core's routes, so an extension can take a request the core would answer. */
  readonly routes: readonly FakeRoute[];
  handle(route: string, request: FakeRequest): void | Promise<void>;
  /** Called once when the fake starts, e.g. to keep a reference to it. */
  attach?(fake: FakeGitHub): void;
  close?(): void | Promise<void>;
}

const SECONDARY_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";

interface Match {
  readonly route: RouteName;
  readonly params: readonly string[];
  readonly extension?: FakeExtension;
  readonly public?: boolean;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: FakeComment[] = [];
  readonly deployments: FakeDeployment[] = [];
  /** Can be changed between calls. */
  login: string;
  private readonly failures = new Map<RouteName, (FailureSpec & { left: number })[]>();
  private nextId = 1000;

  /** A new id, unique across the fake and its extensions. */
  newId(): number {
    return this.nextId++;
  }

  readonly url: string;
  private readonly server: Server;
  private readonly options: FakeGitHubOptions;

  // No parameter properties: this file also runs under Node's type stripping.
  private constructor(server: Server, url: string, options: FakeGitHubOptions) {
    this.server = server;
    this.url = url;
    this.options = options;
    this.login = options.login ?? "github-actions[bot]";
  }

  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const fake = new FakeGitHub(server, `http://127.0.0.1:${port}`, options);
    for (const extension of options.extensions ?? []) extension.attach?.(fake);
    server.on("request", (req, res) => {
      fake.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ message: `fake-github: ${String(error)}` }));
      });
    });
    return fake;
  }

  async close(): Promise<void> {
    for (const extension of this.options.extensions ?? []) await extension.close?.();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `times` calls to `route` fail as described. Failures queue up in order. */
  fail(route: RouteName, spec: FailureSpec): void {
    const queue = this.failures.get(route) ?? [];
    queue.push({ ...spec, left: spec.times ?? 1 });
    this.failures.set(route, queue);
  }

  /** The next `times` calls to `route` hit a secondary rate limit (403 with retry-after). */
  secondaryRateLimit(
    route: RouteName,
    { retryAfter, times = 1 }: { retryAfter: number; times?: number },
  ): void {
    this.fail(route, {
      status: 403,
      times,
      message: SECONDARY_MESSAGE,
      headers: { "retry-after": String(retryAfter) },
    });
  }

  /** The next `times` calls to `route` hit the primary rate limit, lifting `resetIn` seconds from now. */
  primaryRateLimit(route: RouteName, { resetIn, times = 1 }: { resetIn: number; times?: number }): void {
    this.fail(route, {
      status: 403,
      times,
      message: "API rate limit exceeded for installation.",
      headers: {
        "x-ratelimit-limit": "1000",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000 + resetIn)),
      },
    });
  }

  /** A comment as if someone had written it (on owner/repo of the first argument or "o/r"). */
  seedComment(comment: {
    issue: number;
    body: string;
    login: string;
    owner?: string;
    repo?: string;
  }): FakeComment {
    return this.addComment(
      comment.owner ?? "o",
      comment.repo ?? "r",
      comment.issue,
      comment.body,
      comment.login,
    );
  }

  requestsTo(route: RouteName): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  private addComment(owner: string, repo: string, issue: number, body: string, login: string): FakeComment {
    const id = this.nextId++;
    const now = new Date().toISOString();
    const comment: FakeComment = {
      id,
      node_id: `IC_${id}`,
      owner,
      repo,
      issue,
      body,
      login,
      minimized: false,
      minimizedReason: undefined,
      created_at: now,
      updated_at: now,
    };
    this.comments.push(comment);
    return comment;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const body = parseBody(raw, req.headers["content-type"]);
    const match = this.extensionRoute(req, method, url.pathname) ?? route(method, url.pathname, body);
    const recorded: RecordedRequest = {
      method,
      path: `${url.pathname}${url.search}`,
      route: match?.route,
      headers: req.headers,
      body,
      at: Date.now(),
      status: 0,
    };
    this.requests.push(recorded);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      recorded.status = status;
      res.writeHead(status, {
        "content-type": "application/json; charset=utf-8",
        "x-github-request-id": `FAKE:${this.requests.length}`,
        ...headers,
      });
      res.end(data === undefined ? "" : JSON.stringify(data));
    };
    const sendRaw = (status: number, data: string | Buffer, headers: Record<string, string>) => {
      recorded.status = status;
      res.writeHead(status, { "x-github-request-id": `FAKE:${this.requests.length}`, ...headers });
      res.end(data);
    };

    if (this.options.token !== undefined && !match?.public) {
      const auth = req.headers.authorization ?? "";
      const readOnly = this.options.readOnlyToken;
      if (readOnly !== undefined && (auth === `token ${readOnly}` || auth === `Bearer ${readOnly}`)) {
        // A GraphQL query reads; a mutation writes.
        const query = String((body as { query?: unknown } | undefined)?.query ?? "");
        const graphqlQuery = /\/graphql$/.test(url.pathname) && !/^\s*mutation\b/.test(query);
        if (method !== "GET" && !graphqlQuery) {
          send(403, {
            message: "Resource not accessible by integration",
            documentation_url: "https://docs.github.com/rest",
          });
          return;
        }
      } else if (auth !== `token ${this.options.token}` && auth !== `Bearer ${this.options.token}`) {
        send(401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" });
        return;
      }
    }
    if (!match) {
      send(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
      return;
    }
    const failure = this.takeFailure(match.route);
    if (failure?.delayMs) {
      const delay = failure.delayMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        // A client that gave up closes the connection: stop waiting for it.
        res.once("close", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      if (res.destroyed || res.writableEnded) {
        recorded.status = -1;
        return;
      }
    }
    if (failure && (failure.status !== undefined || failure.graphqlError || !failure.delayMs)) {
      if (failure.graphqlError) {
        send(200, {
          data: null,
          errors: [{ type: failure.graphqlError.type, message: failure.graphqlError.message }],
        });
      } else {
        send(
          failure.status ?? 500,
          { message: failure.message ?? "fake-github: injected failure" },
          { ...failure.headers },
        );
      }
      return;
    }
    if (match.extension) {
      await match.extension.handle(match.route, {
        fake: this,
        req,
        res,
        method,
        url,
        params: match.params,
        body,
        raw,
        send,
        sendRaw,
      });
      return;
    }
    const [owner = "", repo = "", third = ""] = match.params;
    const json = (body ?? {}) as Record<string, unknown>;
    switch (match.route) {
      case "viewer":
        send(200, { data: { viewer: { login: this.login } } });
        return;
      case "user":
        send(200, { login: this.login, id: 1, type: this.login.endsWith("[bot]") ? "Bot" : "User" });
        return;
      case "list-comments": {
        const all = this.comments.filter(
          (c) => c.owner === owner && c.repo === repo && c.issue === Number(third),
        );
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page") ?? 30)));
        const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(url.pathname, `http://${req.headers.host}`);
          next.searchParams.set("per_page", String(perPage));
          next.searchParams.set("page", String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
        send(
          200,
          slice.map((c) => this.commentJson(c)),
          headers,
        );
        return;
      }
      case "create-comment": {
        if (typeof json.body !== "string") return send(422, { message: "body is missing" });
        if (json.body.length > 65_536)
          return send(422, { message: "Body is too long (maximum is 65536 characters)" });
        send(201, this.commentJson(this.addComment(owner, repo, Number(third), json.body, this.login)));
        return;
      }
      case "update-comment": {
        const comment = this.comments.find(
          (c) => c.owner === owner && c.repo === repo && c.id === Number(third),
        );
        if (!comment) return send(404, { message: "Not Found" });
        if (comment.login !== this.login)
          return send(403, { message: "Resource not accessible by integration" });
        if (typeof json.body !== "string") return send(422, { message: "body is missing" });
        if (json.body.length > 65_536)
          return send(422, { message: "Body is too long (maximum is 65536 characters)" });
        comment.body = json.body;
        comment.updated_at = new Date().toISOString();
        send(200, this.commentJson(comment));
        return;
      }
      case "delete-comment": {
        const index = this.comments.findIndex(
          (c) => c.owner === owner && c.repo === repo && c.id === Number(third),
        );
        const comment = this.comments[index];
        if (!comment) return send(404, { message: "Not Found" });
        if (comment.login !== this.login)
          return send(403, { message: "Resource not accessible by integration" });
        this.comments.splice(index, 1);
        send(204, undefined);
        return;
      }
      case "nodes": {
        const ids = ((json.variables as { ids?: unknown } | undefined)?.ids ?? []) as string[];
        const nodes = ids.map((id) => {
          const comment = this.comments.find((c) => c.node_id === id);
          return comment ? { id: comment.node_id, isMinimized: comment.minimized } : null;
        });
        send(200, { data: { nodes } });
        return;
      }
      case "minimize-comment": {
        const id = (json.variables as { id?: unknown } | undefined)?.id;
        const comment = this.comments.find((c) => c.node_id === id);
        if (!comment) {
          send(200, {
            data: { minimizeComment: null },
            errors: [
              { type: "NOT_FOUND", message: `Could not resolve to a node with the global id of '${id}'` },
            ],
          });
          return;
        }
        comment.minimized = true;
        comment.minimizedReason = /classifier:\s*(\w+)/.exec(String(json.query))?.[1];
        send(200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
        return;
      }
      case "create-deployment": {
        if (typeof json.ref !== "string") return send(422, { message: "ref is missing" });
        const id = this.nextId++;
        const deployment: FakeDeployment = {
          id,
          node_id: `DE_${id}`,
          owner,
          repo,
          request: json,
          ref: json.ref,
          environment: typeof json.environment === "string" ? json.environment : "production",
          statuses: [],
        };
        this.deployments.push(deployment);
        send(201, this.deploymentJson(deployment));
        return;
      }
      case "create-deployment-status": {
        const deployment = this.deployments.find(
          (d) => d.owner === owner && d.repo === repo && d.id === Number(third),
        );
        if (!deployment) return send(404, { message: "Not Found" });
        const states = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];
        if (typeof json.state !== "string" || !states.includes(json.state)) {
          return send(422, { message: `state must be one of ${states.join(", ")}` });
        }
        const status: FakeDeploymentStatus = {
          id: this.nextId++,
          state: json.state,
          description: json.description as string | undefined,
          log_url: json.log_url as string | undefined,
          environment_url: json.environment_url as string | undefined,
          at: Date.now(),
        };
        deployment.statuses.push(status);
        send(201, {
          ...status,
          deployment_url: `${this.url}/repos/${owner}/${repo}/deployments/${deployment.id}`,
        });
        return;
      }
      case "list-deployments":
        send(
          200,
          this.deployments
            .filter((d) => d.owner === owner && d.repo === repo)
            .map((d) => this.deploymentJson(d)),
        );
        return;
      case "list-deployment-statuses": {
        const deployment = this.deployments.find(
          (d) => d.owner === owner && d.repo === repo && d.id === Number(third),
        );
        if (!deployment) return send(404, { message: "Not Found" });
        send(200, [...deployment.statuses].reverse());
        return;
      }
    }
  }

  private extensionRoute(req: IncomingMessage, method: string, pathname: string): Match | undefined {
    const apiPath = pathname.replace(/^\/api\/v3(?=\/)/, "");
    for (const extension of this.options.extensions ?? []) {
      for (const r of extension.routes) {
        if (r.method !== method) continue;
        const found = r.pattern.exec(r.rawPath ? pathname : apiPath);
        if (!found || (r.claims && !r.claims(req))) continue;
        return {
          route: r.name,
          params: found.slice(1).map(decodeURIComponent),
          extension,
          public: r.public,
        };
      }
    }
    return undefined;
  }

  private takeFailure(name: RouteName): FailureSpec | undefined {
    const queue = this.failures.get(name);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left--;
    if (head.left <= 0) queue.shift();
    return head;
  }

  private commentJson(c: FakeComment) {
    return {
      id: c.id,
      node_id: c.node_id,
      body: c.body,
      user: { login: c.login, type: c.login.endsWith("[bot]") ? "Bot" : "User" },
      html_url: `https://github.com/${c.owner}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.url}/repos/${c.owner}/${c.repo}/issues/${c.issue}`,
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  }

  private deploymentJson(d: FakeDeployment) {
    return {
      id: d.id,
      node_id: d.node_id,
      ref: d.ref,
      sha: d.ref,
      environment: d.environment,
      description: d.request.description ?? null,
      transient_environment: d.request.transient_environment ?? false,
      production_environment: d.request.production_environment ?? false,
      creator: { login: this.login },
    };
  }
}

/** REST routes, relative to the API root (an /api/v3 prefix is stripped first). */
const REST: readonly [string, RegExp, RouteName][] = [
  ["GET", /^\/user$/, "user"],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, "list-comments"],
  ["POST", /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/, "create-comment"],
  ["PATCH", /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, "update-comment"],
  ["DELETE", /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/, "delete-comment"],
  ["POST", /^\/repos\/([^/]+)\/([^/]+)\/deployments$/, "create-deployment"],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)\/deployments$/, "list-deployments"],
  ["POST", /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/, "create-deployment-status"],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/, "list-deployment-statuses"],
];

function route(method: string, pathname: string, body: unknown): Match | undefined {
  if (method === "POST" && (pathname === "/graphql" || pathname === "/api/graphql")) {
    const query = String((body as { query?: unknown } | undefined)?.query ?? "");
    if (/\bminimizeComment\b/.test(query)) return { route: "minimize-comment", params: [] };
    if (/\bnodes\s*\(/.test(query)) return { route: "nodes", params: [] };
    if (/\bviewer\b/.test(query)) return { route: "viewer", params: [] };
    return undefined;
  }
  const path = pathname.replace(/^\/api\/v3(?=\/)/, "");
  for (const [m, pattern, name] of REST) {
    if (m !== method) continue;
    const found = pattern.exec(path);
    if (found) return { route: name, params: found.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString("utf8");
  if (contentType?.startsWith("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

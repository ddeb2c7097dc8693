/**
 * Repository webhooks for the fake GitHub, which REALLY deliver: creating a hook POSTs a
 * `ping` to its URL, signed with the hook's secret as GitHub signs (X-Hub-Signature-256 and
 * the legacy sha1 X-Hub-Signature), and every delivery is recorded with the status and
 * duration the app's answer took, as GitHub's delivery log shows it.
 *
 *   const hooks = new FakeHooks();
 *   const fake = await FakeGitHub.start({ token, extensions: [hooks] });
 *   // POST /repos/o/r/hooks ... -> the ping is delivered; then:
 *   await hooks.settled();            // every delivery in flight has its answer
 *   hooks.deliveries[0]?.statusCode;  // 200
 *   await hooks.deliverEvent("push", { ref: "refs/heads/main" }); // to each subscribed hook
 *   hooks.permission = "read";        // the token lacks Webhooks: write from now on
 *
 * REST (with the fake's token, or the hooks' own `token` when given): POST/GET
 * /repos/{o}/{r}/hooks, GET/PATCH/DELETE .../hooks/{id} (PATCH: config, events, active),
 * GET .../hooks/{id}/deliveries (newest first, `per_page` and a `cursor` in Link rel="next"),
 * GET .../deliveries/{delivery_id} (with request and response), POST
 * .../deliveries/{delivery_id}/attempts (redeliver: 202, delivered in the background, same
 * GUID, `redelivery: true`). Bodies are validated as GitHub does (422 "Validation Failed" with
 * `errors`); with `permission` below write, writes answer 403 "Resource not accessible by
 * integration" (or "... by personal access token") with `x-accepted-github-permissions:
 * repository_hooks=write`, as GitHub does.
 *
 * Deliveries only ever go to loopback URLs: a hook pointing anywhere else is refused (422), so
 * no test can send traffic off the machine. (GitHub refuses the opposite: loopback hosts.)
 */
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { FakeExtension, FakeGitHub, FakeRequest, FakeRoute } from "./fake-github.js";

export interface FakeHook {
  readonly id: number;
  readonly owner: string;
  readonly repo: string;
  readonly name: "web";
  active: boolean;
  events: string[];
  config: {
    url: string;
    content_type: "json" | "form";
    insecure_ssl: "0" | "1";
    secret: string | undefined;
  };
  readonly created_at: string;
  updated_at: string;
  deleted: boolean;
}

export interface FakeHookDelivery {
  readonly id: number;
  readonly guid: string;
  readonly hookId: number;
  readonly event: string;
  readonly action: string | null;
  readonly redelivery: boolean;
  /** When the delivery was attempted. */
  readonly deliveredAt: string;
  /** "OK", "Invalid HTTP Response: 500", "failed to connect to host", "timed out". */
  status: string;
  /** The app's status; 0 when no HTTP answer came. */
  statusCode: number;
  /** Seconds, as GitHub reports it. */
  duration: number;
  readonly request: { readonly headers: Record<string, string>; readonly body: string };
  response: { headers: Record<string, string>; payload: string } | undefined;
  /** Resolves once the app answered (or could not be reached). */
  readonly done: Promise<void>;
}

export type HookPermission = "write" | "read" | "none";

/** The kind of token GitHub names in its 403 message. */
export type TokenKind = "integration" | "personal access token";

const API = "^\\/repos\\/([^/]+)\\/([^/]+)\\/hooks";
const route = (method: string, tail: string, name: string): FakeRoute => ({
  method,
  pattern: new RegExp(`${API}${tail}$`),
  name,
});

const ROUTES: readonly FakeRoute[] = [
  route("POST", "", "create-hook"),
  route("GET", "", "list-hooks"),
  route("GET", "\\/(\\d+)", "get-hook"),
  route("DELETE", "\\/(\\d+)", "delete-hook"),
  route("PATCH", "\\/(\\d+)", "update-hook"),
  route("GET", "\\/(\\d+)\\/deliveries", "list-hook-deliveries"),
  route("GET", "\\/(\\d+)\\/deliveries\\/(\\d+)", "get-hook-delivery"),
  route("POST", "\\/(\\d+)\\/deliveries\\/(\\d+)\\/attempts", "redeliver-hook-delivery"),
];

const WRITES = new Set(["create-hook", "delete-hook", "update-hook", "redeliver-hook-delivery"]);
const DOCS = "https://docs.github.com/rest/repos/webhooks";
const ZEN = ["Design for failure.", "Keep it logically awesome.", "Speak like a human."];

export interface FakeHooksOptions {
  /** How long a delivery waits for the app (GitHub: 10 s). */
  readonly timeoutMs?: number;
  /** The repository id GitHub puts in X-GitHub-Hook-Installation-Target-ID and payloads. */
  readonly repositoryId?: number;
  /**
   * The token these endpoints take instead of the fake's own (a token with Webhooks: write
   * beside the workflow's publishing token); others get 401.
   */
  readonly token?: string;
}

const isLoopback = (host: string) =>
  host === "127.0.0.1" || host === "localhost" || host === "[::1]" || host === "::1";

export class FakeHooks implements FakeExtension {
  readonly routes: readonly FakeRoute[];
  readonly hooks: FakeHook[] = [];
  /** Newest last. */
  readonly deliveries: FakeHookDelivery[] = [];
  /** What the token may do with hooks (GitHub's "Webhooks" repository permission). */
  permission: HookPermission = "write";
  tokenKind: TokenKind = "integration";
  readonly #timeoutMs: number;
  readonly #repositoryId: number;
  readonly #token: string | undefined;
  readonly #agent = new http.Agent({ keepAlive: false });
  readonly #inFlight = new Set<Promise<void>>();
  #fake: FakeGitHub | undefined;

  constructor(options: FakeHooksOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#repositoryId = options.repositoryId ?? 1296269;
    this.#token = options.token;
    // With a token of their own the routes skip the fake's check and make their own.
    this.routes = ROUTES.map((r) => ({ ...r, public: options.token !== undefined }));
  }

  attach(fake: FakeGitHub): void {
    this.#fake = fake;
  }

  async close(): Promise<void> {
    await this.settled();
    this.#agent.destroy();
  }

  /** Waits until every delivery started so far has its answer. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /** The hooks not deleted. */
  live(): FakeHook[] {
    return this.hooks.filter((h) => !h.deleted);
  }

  deliveriesOf(hookId: number): FakeHookDelivery[] {
    return this.deliveries.filter((d) => d.hookId === hookId);
  }

  /**
   * A hook as if someone (a crashed run) had made it earlier: no ping is sent. `createdAt`
   * back-dates it.
   */
  seedHook(hook: {
    url: string;
    events?: string[];
    owner?: string;
    repo?: string;
    secret?: string;
    createdAt?: Date;
  }): FakeHook {
    const at = (hook.createdAt ?? new Date()).toISOString();
    const created: FakeHook = {
      id: this.#id(),
      owner: hook.owner ?? "o",
      repo: hook.repo ?? "r",
      name: "web",
      active: true,
      events: hook.events ?? ["push"],
      config: { url: hook.url, content_type: "json", insecure_ssl: "0", secret: hook.secret },
      created_at: at,
      updated_at: at,
      deleted: false,
    };
    this.hooks.push(created);
    return created;
  }

  /**
   * What GitHub does when `event` happens on owner/repo: one delivery (one GUID) to each
   * active hook subscribed to it (or to "*"). Resolves once every app answered.
   */
  async deliverEvent(
    event: string,
    payload: Record<string, unknown>,
    where: { owner?: string; repo?: string } = {},
  ): Promise<FakeHookDelivery[]> {
    const guid = randomUUID();
    const targets = this.live().filter(
      (h) =>
        h.active &&
        h.owner === (where.owner ?? "o") &&
        h.repo === (where.repo ?? "r") &&
        (h.events.includes(event) || h.events.includes("*")),
    );
    const sent = targets.map((h) => this.#deliver(h, event, guid, payload, false));
    await Promise.all(sent.map((d) => d.done));
    return sent;
  }

  handle(name: string, request: FakeRequest): void | Promise<void> {
    const [owner = "", repo = "", hookId = "", deliveryId = ""] = request.params;
    if (this.#token !== undefined) {
      const auth = request.req.headers.authorization ?? "";
      if (auth !== `token ${this.#token}` && auth !== `Bearer ${this.#token}`) {
        return request.send(401, {
          message: "Bad credentials",
          documentation_url: "https://docs.github.com/rest",
        });
      }
    }
    if (this.#refused(name, request)) return;
    switch (name) {
      case "create-hook":
        return this.#create(request, owner, repo);
      case "list-hooks": {
        const all = this.live().filter((h) => h.owner === owner && h.repo === repo);
        const { page, headers } = paginate(request, all);
        return request.send(
          200,
          page.map((h) => this.#hookJson(h)),
          headers,
        );
      }
    }
    const hook = this.live().find((h) => h.owner === owner && h.repo === repo && h.id === Number(hookId));
    if (!hook) return request.send(404, { message: "Not Found", documentation_url: DOCS });
    switch (name) {
      case "get-hook":
        return request.send(200, this.#hookJson(hook));
      case "delete-hook":
        hook.deleted = true;
        return request.send(204, undefined);
      case "update-hook":
        return this.#update(request, hook);
      case "list-hook-deliveries":
        return this.#listDeliveries(request, hook);
    }
    const delivery = this.deliveries.find((d) => d.hookId === hook.id && d.id === Number(deliveryId));
    if (!delivery) return request.send(404, { message: "Not Found", documentation_url: DOCS });
    if (name === "get-hook-delivery") return request.send(200, this.#deliveryDetail(delivery, hook));
    // redeliver: GitHub queues it and answers 202 at once.
    const payload = JSON.parse(deliveryBody(delivery)) as Record<string, unknown>;
    this.#deliver(hook, delivery.event, delivery.guid, payload, true);
    return request.send(202, {});
  }

  #id(): number {
    if (!this.#fake) throw new Error("fake-github-hooks: not attached to a FakeGitHub");
    return this.#fake.newId();
  }

  /** GitHub's answer to a token without the Webhooks permission this call needs. */
  #refused(name: string, request: FakeRequest): boolean {
    const needs = WRITES.has(name) ? "write" : "read";
    const allowed = this.permission === "write" || (this.permission === "read" && needs === "read");
    if (allowed) return false;
    request.send(
      403,
      {
        message: `Resource not accessible by ${this.tokenKind}`,
        documentation_url: DOCS,
        status: "403",
      },
      { "x-accepted-github-permissions": `repository_hooks=${needs}` },
    );
    return true;
  }

  #create(request: FakeRequest, owner: string, repo: string) {
    const invalid = (errors: Record<string, string>[]) =>
      request.send(422, { message: "Validation Failed", errors, documentation_url: DOCS, status: "422" });
    const body = (request.body ?? {}) as Record<string, unknown>;
    const name = body.name ?? "web";
    if (name !== "web") return invalid([{ resource: "Hook", code: "invalid", field: "name" }]);
    const config = body.config;
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
      return invalid([{ resource: "Hook", code: "missing_field", field: "config" }]);
    }
    const c = config as Record<string, unknown>;
    if (typeof c.url !== "string" || c.url === "") {
      return invalid([{ resource: "Hook", code: "custom", message: "Config must contain a URL" }]);
    }
    let url: URL;
    try {
      url = new URL(c.url);
    } catch {
      return invalid([{ resource: "Hook", code: "custom", message: `${c.url} is not a valid URL` }]);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return invalid([{ resource: "Hook", code: "custom", message: "URL must be http or https" }]);
    }
    if (!isLoopback(url.hostname)) {
      return invalid([
        {
          resource: "Hook",
          code: "custom",
          message: `fake-github delivers only to loopback URLs; the host ${url.hostname} is not one`,
        },
      ]);
    }
    const contentType = c.content_type ?? "form";
    if (contentType !== "json" && contentType !== "form") {
      return invalid([{ resource: "Hook", code: "invalid", field: "content_type" }]);
    }
    const insecure = String(c.insecure_ssl ?? "0");
    if (insecure !== "0" && insecure !== "1") {
      return invalid([{ resource: "Hook", code: "invalid", field: "insecure_ssl" }]);
    }
    if (c.secret !== undefined && typeof c.secret !== "string") {
      return invalid([{ resource: "Hook", code: "invalid", field: "secret" }]);
    }
    const events = body.events ?? ["push"];
    if (!Array.isArray(events) || events.length === 0) {
      return invalid([{ resource: "Hook", code: "invalid", field: "events" }]);
    }
    const badEvent = events.find((e) => typeof e !== "string" || !/^(?:\*|[a-z][a-z_]*)$/.test(e));
    if (badEvent !== undefined) {
      return invalid([
        { resource: "Hook", code: "custom", message: `${String(badEvent)} is not a valid event name` },
      ]);
    }
    if (body.active !== undefined && typeof body.active !== "boolean") {
      return invalid([{ resource: "Hook", code: "invalid", field: "active" }]);
    }
    if (this.live().some((h) => h.owner === owner && h.repo === repo && h.config.url === c.url)) {
      return invalid([
        { resource: "Hook", code: "custom", message: "Hook already exists on this repository" },
      ]);
    }
    const now = new Date().toISOString();
    const hook: FakeHook = {
      id: this.#id(),
      owner,
      repo,
      name: "web",
      active: body.active ?? true,
      events: [...new Set(events as string[])],
      config: {
        url: c.url,
        content_type: contentType,
        insecure_ssl: insecure,
        secret: c.secret === "" ? undefined : (c.secret as string | undefined),
      },
      created_at: now,
      updated_at: now,
      deleted: false,
    };
    this.hooks.push(hook);
    request.send(201, this.#hookJson(hook));
    // After the answer, as GitHub does: the ping follows the creation.
    const zen = ZEN[hook.id % ZEN.length] as string;
    this.#deliver(
      hook,
      "ping",
      randomUUID(),
      {
        zen,
        hook_id: hook.id,
        hook: this.#hookJson(hook),
        repository: this.#repository(owner, repo),
        sender: { login: "octocat", id: 1, type: "User" },
      },
      false,
    );
  }

  /**
   * PATCH .../hooks/{id}: `config` replaces the hook's, as GitHub does (a secret not given
   * again is dropped; a URL must still be loopback); `events` and `active` when given.
   */
  #update(request: FakeRequest, hook: FakeHook): void {
    const given = (request.body ?? {}) as Record<string, unknown>;
    const body = (given.config ?? {}) as Record<string, unknown>;
    if (given.config !== undefined) {
      let url: URL | undefined;
      try {
        url = new URL(String(body.url));
      } catch {
        url = undefined;
      }
      if (url === undefined || !isLoopback(url.hostname)) {
        request.send(422, {
          message: "Validation Failed",
          errors: [
            { resource: "Hook", code: "custom", message: `${String(body.url)} is not a loopback URL` },
          ],
          documentation_url: DOCS,
        });
        return;
      }
      hook.config = {
        url: String(body.url),
        content_type: body.content_type === "json" ? "json" : "form",
        insecure_ssl: body.insecure_ssl === "1" ? "1" : "0",
        secret: typeof body.secret === "string" && body.secret !== "" ? body.secret : undefined,
      };
    }
    if (Array.isArray(given.events)) hook.events = given.events.map(String);
    if (typeof given.active === "boolean") hook.active = given.active;
    hook.updated_at = new Date().toISOString();
    request.send(200, this.#hookJson(hook));
  }

  #listDeliveries(request: FakeRequest, hook: FakeHook): void {
    // A delivery shows in the log once it was attempted.
    const all = this.deliveriesOf(hook.id)
      .filter((d) => d.status !== "pending")
      .reverse();
    const perPage = Math.min(100, Math.max(1, Number(request.url.searchParams.get("per_page") ?? 30)));
    const cursor = /^v1_(\d+)$/.exec(request.url.searchParams.get("cursor") ?? "")?.[1];
    const start = cursor === undefined ? 0 : all.findIndex((d) => d.id < Number(cursor));
    const page = start < 0 ? [] : all.slice(start, start + perPage);
    const headers: Record<string, string> = {};
    const last = page[page.length - 1];
    if (last && all.indexOf(last) < all.length - 1) {
      const next = new URL(request.url.pathname, `http://${request.req.headers.host}`);
      next.searchParams.set("per_page", String(perPage));
      next.searchParams.set("cursor", `v1_${last.id}`);
      headers.link = `<${next.href}>; rel="next"`;
    }
    request.send(
      200,
      page.map((d) => this.#deliveryJson(d, hook)),
      headers,
    );
  }

  #repository(owner: string, repo: string) {
    return {
      id: this.#repositoryId,
      name: repo,
      full_name: `${owner}/${repo}`,
      private: false,
      owner: { login: owner, id: 1, type: "User" },
    };
  }

  #hookJson(h: FakeHook) {
    const base = `${this.#fake?.url ?? ""}/repos/${h.owner}/${h.repo}/hooks/${h.id}`;
    const last = this.deliveriesOf(h.id)
      .filter((d) => d.status !== "pending")
      .at(-1);
    return {
      type: "Repository",
      id: h.id,
      name: h.name,
      active: h.active,
      events: h.events,
      // GitHub never shows the secret again.
      config: {
        content_type: h.config.content_type,
        insecure_ssl: h.config.insecure_ssl,
        url: h.config.url,
        ...(h.config.secret === undefined ? {} : { secret: "********" }),
      },
      updated_at: h.updated_at,
      created_at: h.created_at,
      url: base,
      test_url: `${base}/test`,
      ping_url: `${base}/pings`,
      deliveries_url: `${base}/deliveries`,
      last_response: last
        ? {
            code: last.statusCode === 0 ? null : last.statusCode,
            status: last.statusCode >= 200 && last.statusCode < 300 ? "active" : "misconfigured",
            message: last.status,
          }
        : { code: null, status: "unused", message: null },
    };
  }

  #deliveryJson(d: FakeHookDelivery, hook: FakeHook) {
    return {
      id: d.id,
      guid: d.guid,
      delivered_at: d.deliveredAt,
      redelivery: d.redelivery,
      duration: d.duration,
      status: d.status,
      status_code: d.statusCode,
      event: d.event,
      action: d.action,
      installation_id: null,
      repository_id: this.#repositoryId,
      throttled_at: null,
      url: hook.config.url,
    };
  }

  #deliveryDetail(d: FakeHookDelivery, hook: FakeHook) {
    return {
      ...this.#deliveryJson(d, hook),
      request: { headers: d.request.headers, payload: JSON.parse(deliveryBody(d)) },
      response: d.response ?? { headers: {}, payload: null },
    };
  }

  /** Sends one delivery now (in the background) and records it; `done` resolves with its outcome. */
  #deliver(
    hook: FakeHook,
    event: string,
    guid: string,
    payload: Record<string, unknown>,
    redelivery: boolean,
  ): FakeHookDelivery {
    const json = JSON.stringify(payload);
    const form = hook.config.content_type === "form";
    const body = form ? new URLSearchParams({ payload: json }).toString() : json;
    const headers: Record<string, string> = {
      Accept: "*/*",
      "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json",
      "User-Agent": `GitHub-Hookshot/${randomBytes(4).toString("hex").slice(0, 7)}`,
      "X-GitHub-Delivery": guid,
      "X-GitHub-Event": event,
      "X-GitHub-Hook-ID": String(hook.id),
      "X-GitHub-Hook-Installation-Target-ID": String(this.#repositoryId),
      "X-GitHub-Hook-Installation-Target-Type": "repository",
    };
    const secret = hook.config.secret;
    if (secret !== undefined) {
      // Both signatures cover the exact bytes sent (for a form hook, the form body).
      headers["X-Hub-Signature"] = `sha1=${createHmac("sha1", secret).update(body).digest("hex")}`;
      headers["X-Hub-Signature-256"] = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
    }
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const delivery: FakeHookDelivery = {
      id: this.#id(),
      guid,
      hookId: hook.id,
      event,
      action: typeof payload.action === "string" ? payload.action : null,
      redelivery,
      deliveredAt: new Date().toISOString(),
      status: "pending",
      statusCode: 0,
      duration: 0,
      request: { headers, body },
      response: undefined,
      done,
    };
    this.deliveries.push(delivery);
    const started = performance.now();
    const tracked = this.#post(hook.config.url, headers, body).then((outcome) => {
      delivery.duration = Number(((performance.now() - started) / 1000).toFixed(3));
      if ("error" in outcome) {
        delivery.status = outcome.error;
        delivery.statusCode = 0;
      } else {
        delivery.statusCode = outcome.status;
        delivery.status =
          outcome.status >= 200 && outcome.status < 300 ? "OK" : `Invalid HTTP Response: ${outcome.status}`;
        delivery.response = { headers: outcome.headers, payload: outcome.body };
      }
      this.#inFlight.delete(tracked);
      finish();
    });
    this.#inFlight.add(tracked);
    return delivery;
  }

  #post(
    target: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number; headers: Record<string, string>; body: string } | { error: string }> {
    const url = new URL(target);
    if (!isLoopback(url.hostname)) return Promise.resolve({ error: "refused: not a loopback URL" });
    return new Promise((resolve) => {
      const req = http.request(
        url,
        {
          method: "POST",
          agent: this.#agent,
          headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
          signal: AbortSignal.timeout(this.#timeoutMs),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: Object.fromEntries(
                Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : String(v)]),
              ),
              body: Buffer.concat(chunks)
                .toString("utf8")
                .slice(0, 64 * 1024),
            }),
          );
          res.on("error", () => resolve({ error: "failed to read the response" }));
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        // GitHub's words for the two ways a delivery gets no answer.
        const timedOut = error.name === "AbortError" || error.name === "TimeoutError";
        const reset = error.code === "ECONNRESET";
        resolve({
          error: timedOut ? "timed out" : reset ? "connection reset by peer" : "failed to connect to host",
        });
      });
      req.end(body);
    });
  }
}

/** The JSON payload a delivery carried (a form hook sends it as `payload=`). */
function deliveryBody(d: FakeHookDelivery): string {
  return d.request.headers["Content-Type"] === "application/x-www-form-urlencoded"
    ? (new URLSearchParams(d.request.body).get("payload") ?? "{}")
    : d.request.body;
}

function paginate<T>(
  request: FakeRequest,
  all: readonly T[],
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(request.url.searchParams.get("per_page") ?? 30)));
  const page = Math.max(1, Number(request.url.searchParams.get("page") ?? 1));
  const headers: Record<string, string> = {};
  if (page * perPage < all.length) {
    const next = new URL(request.url.pathname, `http://${request.req.headers.host}`);
    next.searchParams.set("per_page", String(perPage));
    next.searchParams.set("page", String(page + 1));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return { page: all.slice((page - 1) * perPage, page * perPage), headers };
}

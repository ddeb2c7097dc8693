/**
 * createIdp: the strict test identity provider as a plain node:http handler. The gate mounts
 * it under `/__preview/idp`; it needs no server of its own (see standalone.ts for tests).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../util/logger.js";
import { authorize, loginDecision } from "./authorize.js";
import { type AuthorizationRequest, type IdpContext, PATHS } from "./context.js";
import { providerMetadata } from "./discovery.js";
import { GrantStore } from "./grants.js";
import { BodyTooLarge, readParams, sendJson, sendMethodNotAllowed, sendPreflight } from "./http.js";
import { InteractionStore } from "./interactions.js";
import { generateSigningKeys, type SigningKeys } from "./keys.js";
import { logout } from "./logout.js";
import { token } from "./token.js";
import type { IdpClient, IdpOptions } from "./types.js";
import { userinfo } from "./userinfo.js";

export const DEFAULT_CODE_TTL_MS = 60_000;
export const DEFAULT_TOKEN_TTL_MS = 60 * 60_000;
export const DEFAULT_REFRESH_TTL_MS = 24 * 60 * 60_000;

export interface Idp {
  /** The current issuer identifier (no trailing slash). */
  readonly issuer: string;
  /** Changes the issuer, e.g. once the tunnel's public URL is known; returns it normalized. */
  setIssuer(issuer: string): string;
  /**
   * Replaces the registered clients, e.g. when the redirect URIs (on the public URL) are
   * known only after creation. Codes and tokens already issued stay bound to their client_id.
   */
  setClients(clients: readonly IdpClient[]): void;
  /** Resolves once the signing keys exist (handle() waits for them by itself). */
  ready(): Promise<void>;
  /**
   * Answers a request for a path under the mount point. `subpath` is the path relative to
   * the mount (`/token`, `/.well-known/openid-configuration`); the query is read from
   * `req.url`. Never rejects: an internal failure answers 500.
   */
  handle(req: IncomingMessage, res: ServerResponse, subpath: string): Promise<void>;
}

const silent: Logger = {
  info() {},
  warning() {},
  error() {},
  debug() {},
  startGroup() {},
  endGroup() {},
  write() {},
};

/** An absolute http(s) URL without query or fragment; a trailing slash is dropped. */
export function normalizeIssuer(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`issuer ${JSON.stringify(issuer)} is not an absolute URL`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search !== "" || url.hash !== "") {
    throw new Error(`issuer ${JSON.stringify(issuer)} must be an http(s) URL without query or fragment`);
  }
  return url.href.replace(/\/+$/, "");
}

function clientMap(clients: readonly IdpClient[]): Map<string, IdpClient> {
  const map = new Map<string, IdpClient>();
  for (const client of clients) {
    if (map.has(client.clientId)) throw new Error(`client_id ${client.clientId} is registered twice`);
    for (const uri of [...client.redirectUris, ...(client.postLogoutRedirectUris ?? [])]) {
      // Parsed once here so a bad registration fails at start, not at a user's redirect.
      const url = new URL(uri);
      if (url.hash !== "") throw new Error(`redirect URI ${uri} must not have a fragment`);
    }
    map.set(client.clientId, client);
  }
  return map;
}

type Route = {
  readonly methods: readonly string[];
  readonly cors?: boolean;
  run(ctx: IdpContext, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void>;
};

const ROUTES: Readonly<Record<string, Route>> = {
  [PATHS.discovery]: {
    methods: ["GET", "HEAD"],
    cors: true,
    run: async (ctx, _req, res) => sendJson(res, 200, providerMetadata(ctx), { "cache-control": "no-cache" }),
  },
  [PATHS.jwks]: {
    methods: ["GET", "HEAD"],
    cors: true,
    run: async (ctx, _req, res) =>
      sendJson(res, 200, (await ctx.keys()).jwks, { "content-type": "application/jwk-set+json" }),
  },
  [PATHS.authorize]: {
    // OpenID Connect Core 3.1.2.1: the authorization endpoint takes GET and form POST.
    methods: ["GET", "POST"],
    run: async (ctx, req, res, query) => {
      const params = await readParams(req, query);
      if (!params) return sendUnsupportedMedia(res);
      authorize(ctx, res, params);
    },
  },
  [PATHS.login]: {
    methods: ["POST"],
    run: async (ctx, req, res, query) => {
      const form = await readParams(req, query);
      if (!form) return sendUnsupportedMedia(res);
      loginDecision(ctx, res, form);
    },
  },
  [PATHS.token]: {
    methods: ["POST"],
    cors: true,
    run: async (ctx, req, res, query) => token(ctx, req, res, await readParams(req, query)),
  },
  [PATHS.userinfo]: {
    methods: ["GET", "POST"],
    cors: true,
    run: async (ctx, req, res) => userinfo(ctx, req, res),
  },
  [PATHS.logout]: {
    methods: ["GET", "POST"],
    run: async (ctx, req, res, query) => {
      const params = await readParams(req, query);
      if (!params) return sendUnsupportedMedia(res);
      await logout(ctx, res, params);
    },
  },
};

function sendUnsupportedMedia(res: ServerResponse): void {
  res.writeHead(415, { "content-type": "text/plain" });
  res.end("POST bodies must be application/x-www-form-urlencoded\n");
}

export function createIdp(options: IdpOptions): Idp {
  let issuer = normalizeIssuer(options.issuer);
  const now = options.now ?? Date.now;
  const keys: Promise<SigningKeys> = generateSigningKeys();
  // Observed here so a key generation failure is never an unhandled rejection; handle()
  // still sees it through `keys`.
  keys.catch(() => {});
  let clients = clientMap(options.clients);
  const ctx: IdpContext = {
    issuer: () => issuer,
    get clients() {
      return clients;
    },
    users: options.users,
    requirePkce: options.requirePkce ?? true,
    codeTtlMs: options.codeTtlMs ?? DEFAULT_CODE_TTL_MS,
    tokenTtlMs: options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
    refreshTtlMs: options.refreshTtlMs ?? DEFAULT_REFRESH_TTL_MS,
    now,
    logger: options.logger ?? silent,
    keys: () => keys,
    grants: new GrantStore(now),
    interactions: new InteractionStore<AuthorizationRequest>(now),
  };

  return {
    get issuer() {
      return issuer;
    },
    setIssuer(next) {
      issuer = normalizeIssuer(next);
      return issuer;
    },
    setClients(next) {
      clients = clientMap(next);
    },
    ready: async () => {
      await keys;
    },
    async handle(req, res, subpath) {
      const path = subpath.split("?")[0] || "/";
      const query = new URL(req.url ?? "/", "http://idp.invalid").searchParams;
      const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
      try {
        if (!route) {
          sendJson(res, 404, {
            error: "not_found",
            error_description: `no endpoint ${path}; see ${PATHS.discovery}`,
          });
          return;
        }
        const method = req.method ?? "GET";
        if (method === "OPTIONS" && route.cors) return sendPreflight(res, route.methods);
        if (!route.methods.includes(method)) return sendMethodNotAllowed(res, route.methods);
        await route.run(ctx, req, res, query);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.writeHead(413, { "content-type": "text/plain", connection: "close" });
          res.end("request body too large\n");
          return;
        }
        ctx.logger.error(`idp: ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent)
          sendJson(res, 500, { error: "server_error", error_description: "internal error" });
        else res.destroy();
      }
    },
  };
}

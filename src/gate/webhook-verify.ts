/**
 * Webhook paths: a request under a verify-webhooks prefix skips user auth only when its
 * signature verifies for that provider; otherwise 401 (unsigned) or 403 (bad or stale) and
 * the app never sees it. Verifying needs the exact bytes, so these bodies (and only these)
 * are buffered, up to max-body.
 */
import type { WebhookRule } from "../config/gate-parse.js";
import type { Exchange } from "./exchange.js";
import { BodyTooLargeError, declaredLength, readBody, tooLargeMessage } from "./limits.js";
import { reply } from "./respond.js";
import { SCHEMES, type WebhookScheme } from "./verifiers/index.js";

export interface WebhookRoute {
  readonly rule: WebhookRule;
  readonly scheme: WebhookScheme;
}

/** Routes, longest prefix first so the most specific rule wins. */
export function webhookRoutes(rules: readonly WebhookRule[]): WebhookRoute[] {
  return rules
    .map((rule) => ({ rule, scheme: SCHEMES[rule.provider] }))
    .sort((a, b) => b.rule.pathPrefix.length - a.rule.pathPrefix.length);
}

/** "/hooks" matches "/hooks" and "/hooks/x", not "/hooksx". */
export function matchRoute(routes: readonly WebhookRoute[], pathname: string): WebhookRoute | undefined {
  for (const route of routes) {
    const prefix = route.rule.pathPrefix;
    if (prefix === "/" || pathname === prefix || pathname.startsWith(`${prefix}/`)) return route;
  }
  return undefined;
}

export interface WebhookStageOptions {
  readonly routes: readonly WebhookRoute[];
  readonly maxBodyBytes: number;
  /** Absolute URL the sender addressed (the public URL when known). */
  readonly publicUrl: (pathAndQuery: string, ex: Exchange) => string;
}

/**
 * The pipeline stage: true when it answered (rejected), false to go on with `ex.body` set
 * and `ex.webhookVerified` true; a promise only for webhook paths.
 */
export function webhookStage(options: WebhookStageOptions): (ex: Exchange) => boolean | Promise<boolean> {
  const { routes, maxBodyBytes } = options;
  if (routes.length === 0) return () => false;
  return (ex) => {
    const route = matchRoute(routes, ex.pathname);
    if (route === undefined) return false;
    const { scheme, rule } = route;
    if (!ex.res) {
      reply(
        ex,
        403,
        `${rule.pathPrefix} is a ${rule.provider} webhook path; upgrades are not accepted there`,
      );
      return true;
    }
    // Unsigned: answer before reading a byte of the body.
    if (!scheme.signatureHeaders.some((h) => ex.req.headers[h] !== undefined)) {
      reply(ex, 401, `${rule.provider} webhook rejected: missing ${scheme.signatureHeaders[0]} header`);
      return true;
    }
    const length = declaredLength(ex.basics.contentLength);
    if (length !== undefined && length > maxBodyBytes) {
      reply(ex, 413, tooLargeMessage(maxBodyBytes));
      return true;
    }
    if (ex.expectContinue) ex.res.writeContinue();
    return readBody(ex.req, maxBodyBytes).then(
      (body) => {
        ex.record?.requestBody(body);
        const verdict = scheme.verify(
          {
            headers: ex.req.headers,
            body,
            url: options.publicUrl(ex.req.url ?? "/", ex),
            nowSeconds: Math.floor(Date.now() / 1000),
          },
          rule.secret,
        );
        if (!verdict.ok) {
          reply(ex, verdict.status, `${rule.provider} webhook rejected: ${verdict.reason}`);
          return true;
        }
        ex.body = body;
        ex.webhookVerified = true;
        return false;
      },
      (error: unknown) => {
        if (error instanceof BodyTooLargeError) reply(ex, 413, error.message);
        else ex.res?.destroy();
        return true;
      },
    );
  };
}

/**
 * Stage: webhook verification. Webhook paths: a POST under a verify-webhooks prefix skips user auth only when its
 * signature verifies for that provider; otherwise 401 (unsigned) or 403 (bad or stale) and
 * the app never sees it. Other methods on these paths get the ordinary sign-in: providers
 * sign only the body, so a signature must not open a GET. Verifying needs the exact bytes, so
 * these bodies (and only these) are buffered, up to max-body.
 *
 * Prefixes match the checked, decoded path (request-path.ts: no dot segments, no encoded
 * slashes) at a segment boundary, so nothing under a prefix can name a path outside it.
 */

import { SCHEMES, type WebhookScheme } from "../../webhooks/index.js";
import type { Exchange } from "../exchange.js";
import { BodyTooLargeError, declaredLength, readBody, tooLargeMessage } from "../limits.js";
import { isUnder } from "../request-path.js";
import { reply } from "../respond.js";
import type { WebhookRule } from "../settings.js";
import type { Stage } from "../stage.js";

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

/** "/hooks" matches "/hooks" and "/hooks/x", not "/hooksx" (`path` is checked and decoded). */
export function matchRoute(routes: readonly WebhookRoute[], path: string): WebhookRoute | undefined {
  for (const route of routes) {
    if (isUnder(path, route.rule.pathPrefix)) return route;
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
 * The stage: true when it answered (rejected), false to go on with `ex.body` set and
 * `ex.webhookVerified` true; a promise only for webhook paths.
 */
export function webhookStage(options: WebhookStageOptions): Stage {
  const { routes, maxBodyBytes } = options;
  if (routes.length === 0) return () => false;
  return (ex) => {
    // A signature never opens the inspector, whatever prefix a rule names.
    if (ex.req.method !== "POST" || ex.inspecting) return false;
    const route = matchRoute(routes, ex.path);
    if (route === undefined) return false;
    const { scheme, rule } = route;
    // Percent-encoding inside the prefix itself (/hooks/%67ithub): an app that does not decode
    // would see another path than the one exempted, so no exemption (the sign-in applies).
    if (ex.path !== ex.pathname && !isUnder(ex.pathname, rule.pathPrefix)) return false;
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
      const reason = `missing ${scheme.signatureHeaders[0]} header`;
      ex.webhook = { provider: rule.provider, ok: false, reason };
      reply(ex, 401, `${rule.provider} webhook rejected: ${reason}`);
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
          ex.webhook = { provider: rule.provider, ok: false, reason: verdict.reason };
          reply(ex, verdict.status, `${rule.provider} webhook rejected: ${verdict.reason}`);
          return true;
        }
        ex.body = body;
        ex.webhookVerified = true;
        ex.webhook = { provider: rule.provider, ok: true };
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

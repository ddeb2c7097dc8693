/**
 * Stage: forward to the app (proxy.ts), a request or a WebSocket upgrade; always answers.
 * With several services, the route whose prefix is the longest match of the checked path
 * decides which one (at segment boundaries: `/api` takes `/api` and `/api/x`, not `/apix`).
 */
import type { Exchange } from "../exchange.js";
import type { ReverseProxy } from "../proxy.js";
import { isUnder } from "../request-path.js";
import { reply } from "../respond.js";
import type { Stage } from "../stage.js";

/** One service behind the gate. */
export interface ProxyRoute {
  readonly name: string;
  /** `/` or `/a/b` (no trailing slash). */
  readonly prefix: string;
  /** Forward `/api/x` as `/x`. */
  readonly stripPrefix: boolean;
  readonly proxy: ReverseProxy;
}

function send(proxy: ReverseProxy, ex: Exchange): void {
  if (ex.res) proxy.forward(ex);
  else proxy.upgrade(ex);
}

/** One app: everything goes to it, with no per-request routing. */
export function forwardStage(proxy: ReverseProxy): Stage {
  return (ex) => {
    send(proxy, ex);
    return true;
  };
}

/** Several services, by path prefix; a path none of them claims gets 404 from the gate. */
export function routedForwardStage(routes: readonly ProxyRoute[]): Stage {
  const longestFirst = [...routes].sort((a, b) => b.prefix.length - a.prefix.length);
  return (ex) => {
    const route = longestFirst.find((r) => isUnder(ex.path, r.prefix));
    if (route === undefined) {
      reply(ex, 404, `no service of this preview serves ${ex.pathname}`);
      return true;
    }
    ex.service = route.name;
    if (route.stripPrefix && route.prefix !== "/")
      ex.upstreamPath = withoutSegments(ex.req.url ?? "/", segments(route.prefix));
    send(route.proxy, ex);
    return true;
  };
}

function segments(prefix: string): number {
  let n = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 0x2f) n++;
  return n;
}

/**
 * The request target without its first `count` path segments, as sent (percent-encoding
 * kept). The checked path matched the prefix segment by segment, and an encoded "/" is
 * refused by the gate's checks, so the raw target has the same segments.
 */
export function withoutSegments(target: string, count: number): string {
  const q = target.indexOf("?");
  const end = q === -1 ? target.length : q;
  let at = 0;
  for (let n = 0; n < count; n++) {
    const next = target.indexOf("/", at + 1);
    at = next === -1 || next > end ? end : next;
  }
  return at === end ? `/${target.slice(end)}` : target.slice(at);
}

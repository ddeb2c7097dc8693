/**
 * One delivery on the wire: node:http(s) rather than fetch, so exactly the provider's
 * headers go out (fetch adds accept, accept-language, sec-fetch-mode and its own
 * user-agent) and exactly the signed bytes are the body, with their Content-Length.
 */
import http from "node:http";
import https from "node:https";

export interface Sent {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  /** At most `keepBytes` of the response body. */
  readonly body: Buffer;
  /** From the request's start to the response's last byte. */
  readonly latencyMs: number;
}

export class DeliveryError extends Error {
  override name = "DeliveryError";
}

/** Keep-alive agents for one run: deliveries reuse connections as a provider's sender would. */
export function agentsFor(): { http: http.Agent; https: https.Agent; destroy(): void } {
  const h = new http.Agent({ keepAlive: true });
  const s = new https.Agent({ keepAlive: true });
  return {
    http: h,
    https: s,
    destroy() {
      h.destroy();
      s.destroy();
    },
  };
}

export interface SendOptions {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly agents: { readonly http: http.Agent; readonly https: https.Agent };
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly keepBytes?: number;
}

export function send(url: string, options: SendOptions): Promise<Sent> {
  const target = new URL(url);
  const secure = target.protocol === "https:";
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const keep = options.keepBytes ?? 1024 * 1024;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const fail = (error: Error) => {
      if (timeout.aborted) reject(new DeliveryError(`no response within ${options.timeoutMs} ms`));
      else if (options.signal?.aborted) reject(new DeliveryError("cancelled"));
      else reject(new DeliveryError(error.message));
    };
    const req = (secure ? https : http).request(
      target,
      {
        method: options.method,
        headers: { ...options.headers, "Content-Length": String(options.body.length) },
        agent: secure ? options.agents.https : options.agents.http,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on("data", (chunk: Buffer) => {
          if (kept < keep) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, keep),
            latencyMs: performance.now() - started,
          }),
        );
        res.on("error", fail);
      },
    );
    req.on("error", fail);
    req.end(options.body);
  });
}

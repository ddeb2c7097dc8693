/**
 * The HTTP boundary to GitHub: one function, so tests can put a fake server (or a fault)
 * behind it. The default uses fetch with a timeout, so an unresponsive GitHub is an error
 * after a bounded time, never a hang.
 */
export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** A response header (any case); undefined when absent. */
  header(name: string): string | undefined;
  readonly text: string;
}

/** Rejects on network errors and timeouts; any status is a response. */
export type Http = (request: HttpRequest) => Promise<HttpResponse>;

export const DEFAULT_HTTP_TIMEOUT_MS = 10_000;

export function fetchHttp(timeoutMs = DEFAULT_HTTP_TIMEOUT_MS): Http {
  return async (request) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal,
        redirect: "manual",
      });
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name) ?? undefined, text };
    } catch (error) {
      if (timeout.aborted && !request.signal?.aborted) {
        throw new Error(`no answer within ${timeoutMs / 1000}s`);
      }
      throw error;
    }
  };
}

/** The body as a JSON object, or undefined when it is not one. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

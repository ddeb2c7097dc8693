/**
 * GitHub's device flow (RFC 8628), the client side: ask for a device code, then poll for
 * the token at the pace GitHub sets. Previews live on random hostnames that no OAuth
 * callback URL could be registered for; the device flow needs none, and no client secret.
 *
 *   POST {server}/login/device/code         client_id, scope
 *   POST {server}/login/oauth/access_token  client_id, device_code,
 *        grant_type=urn:ietf:params:oauth:grant-type:device_code
 *
 * Both with `Accept: application/json` (GitHub answers form-encoded otherwise). Token
 * errors come back as 200 with an `error` field.
 */
import type { Clock } from "./clock.js";
import { type Http, jsonObject } from "./http.js";

export const DEVICE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";
/** RFC 8628 section 3.5: the interval when the server names none, and the slow_down step. */
const DEFAULT_INTERVAL_MS = 5000;
const SLOW_DOWN_STEP_MS = 5000;
/** A floor, so a server answering interval 0 cannot make us spin. */
const MIN_INTERVAL_MS = 50;
/** Network errors or 5xx in a row before polling gives up as "unreachable". */
const MAX_TRANSIENT_FAILURES = 3;

export interface DeviceCode {
  /** Secret between us and GitHub: never shown, logged or sent to the browser. */
  readonly deviceCode: string;
  readonly userCode: string;
  /** Where the user enters the code: GitHub's answer when on the server's origin, else {server}/login/device. */
  readonly verificationUri: string;
  readonly expiresInMs: number;
  readonly intervalMs: number;
}

export type DeviceFlowFailure =
  | "expired_token"
  | "access_denied"
  | "device_flow_disabled"
  | "incorrect_client_credentials"
  | "unsupported_grant_type"
  | "incorrect_device_code"
  | "unreachable"
  | "unexpected";

export class DeviceFlowError extends Error {
  constructor(
    readonly code: DeviceFlowFailure,
    message: string,
  ) {
    super(message);
    this.name = "DeviceFlowError";
  }
}

export type PollResult =
  | { readonly kind: "token"; readonly token: string; readonly scope: string }
  | { readonly kind: "pending" }
  | { readonly kind: "slow-down"; readonly intervalMs: number | undefined }
  /** A network error or a 5xx: worth another try at the next interval. */
  | { readonly kind: "transient"; readonly message: string }
  | { readonly kind: "failed"; readonly error: DeviceFlowError };

const KNOWN_ERRORS = new Set<string>([
  "expired_token",
  "access_denied",
  "device_flow_disabled",
  "incorrect_client_credentials",
  "unsupported_grant_type",
  "incorrect_device_code",
]);

export interface DeviceFlowClientOptions {
  readonly serverUrl: string;
  readonly clientId: string;
  /** Space-separated scopes; "" asks for none (public information only). */
  readonly scope: string;
  readonly http: Http;
}

function seconds(value: unknown, fallbackMs: number): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value * 1000 : fallbackMs;
}

function oauthError(data: Record<string, unknown> | undefined): DeviceFlowError | undefined {
  const code = data?.error;
  if (typeof code !== "string") return undefined;
  const description = typeof data?.error_description === "string" ? `: ${data.error_description}` : "";
  return new DeviceFlowError(
    KNOWN_ERRORS.has(code) ? (code as DeviceFlowFailure) : "unexpected",
    `GitHub answered ${code}${description}`,
  );
}

export class DeviceFlowClient {
  readonly #options: DeviceFlowClientOptions;
  readonly #headers = {
    accept: "application/json",
    "content-type": "application/x-www-form-urlencoded",
    "user-agent": "preview-tunnel",
  };

  constructor(options: DeviceFlowClientOptions) {
    this.#options = options;
  }

  /** A new device code; throws a DeviceFlowError (unreachable, device_flow_disabled, ...). */
  async requestCode(signal?: AbortSignal): Promise<DeviceCode> {
    const { serverUrl, clientId, scope, http } = this.#options;
    const form = new URLSearchParams({ client_id: clientId });
    if (scope !== "") form.set("scope", scope);
    let response: Awaited<ReturnType<Http>>;
    try {
      response = await http({
        method: "POST",
        url: `${serverUrl}/login/device/code`,
        headers: this.#headers,
        body: form.toString(),
        signal,
      });
    } catch (error) {
      throw new DeviceFlowError("unreachable", `GitHub could not be reached: ${describe(error)}`);
    }
    if (response.status >= 500) {
      throw new DeviceFlowError("unreachable", `GitHub answered ${response.status}`);
    }
    const data = jsonObject(response.text);
    const refused = oauthError(data);
    if (refused && refused.code !== "unexpected") throw refused;
    if (response.status === 404 || response.status === 401) {
      // GitHub's answer to a client ID it does not know.
      throw new DeviceFlowError(
        "incorrect_client_credentials",
        `GitHub answered ${response.status} to client ID ${clientId}`,
      );
    }
    if (refused) throw refused;
    const deviceCode = data?.device_code;
    const userCode = data?.user_code;
    if (response.status !== 200 || typeof deviceCode !== "string" || typeof userCode !== "string") {
      throw new DeviceFlowError(
        "unexpected",
        `GitHub answered ${response.status} without a device code to POST /login/device/code`,
      );
    }
    return {
      deviceCode,
      userCode,
      verificationUri: verificationUri(data?.verification_uri, serverUrl),
      expiresInMs: seconds(data?.expires_in, 900_000),
      intervalMs: Math.max(MIN_INTERVAL_MS, seconds(data?.interval, DEFAULT_INTERVAL_MS)),
    };
  }

  /** One poll of the token endpoint. */
  async poll(deviceCode: string, signal?: AbortSignal): Promise<PollResult> {
    const { serverUrl, clientId, http } = this.#options;
    let response: Awaited<ReturnType<Http>>;
    try {
      response = await http({
        method: "POST",
        url: `${serverUrl}/login/oauth/access_token`,
        headers: this.#headers,
        body: new URLSearchParams({
          client_id: clientId,
          device_code: deviceCode,
          grant_type: DEVICE_GRANT_TYPE,
        }).toString(),
        signal,
      });
    } catch (error) {
      return { kind: "transient", message: `GitHub could not be reached: ${describe(error)}` };
    }
    if (response.status >= 500) return { kind: "transient", message: `GitHub answered ${response.status}` };
    const data = jsonObject(response.text);
    const token = data?.access_token;
    if (typeof token === "string" && token !== "") {
      return { kind: "token", token, scope: typeof data?.scope === "string" ? data.scope : "" };
    }
    if (data?.error === "authorization_pending") return { kind: "pending" };
    if (data?.error === "slow_down") {
      const given = data.interval;
      return { kind: "slow-down", intervalMs: typeof given === "number" ? seconds(given, 0) : undefined };
    }
    const refused = oauthError(data);
    if (refused) return { kind: "failed", error: refused };
    return {
      kind: "failed",
      error: new DeviceFlowError(
        "unexpected",
        `GitHub answered ${response.status} without a token or an error`,
      ),
    };
  }
}

/** Only a page on GitHub's own origin is linked to; anything else falls back to {server}/login/device. */
function verificationUri(given: unknown, serverUrl: string): string {
  const fallback = `${serverUrl}/login/device`;
  if (typeof given !== "string") return fallback;
  try {
    return new URL(given).origin === new URL(serverUrl).origin ? given : fallback;
  } catch {
    return fallback;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

export interface WaitOptions {
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Asked before each poll; false stops waiting (e.g. nobody watches the sign-in any more). */
  readonly keepGoing?: () => boolean;
  /** Told of each wait, e.g. for tests and the status page. */
  readonly onPoll?: (result: PollResult, nextIntervalMs: number) => void;
}

export type WaitResult =
  | { readonly kind: "token"; readonly token: string; readonly scope: string }
  | { readonly kind: "failed"; readonly error: DeviceFlowError }
  /** Stopped by the signal or by keepGoing. */
  | { readonly kind: "stopped" };

/**
 * Polls until GitHub gives the token, refuses, or the code expires: waits `interval`
 * before each poll, 5 s more after each slow_down (or GitHub's new interval when larger),
 * and gives up as "unreachable" after a few network errors or 5xx in a row.
 */
export async function waitForToken(
  client: DeviceFlowClient,
  code: DeviceCode,
  options: WaitOptions,
): Promise<WaitResult> {
  const { clock, signal } = options;
  const deadline = clock.now() + code.expiresInMs;
  let interval = code.intervalMs;
  let transient = 0;
  for (;;) {
    await clock.sleep(interval, signal);
    if (signal?.aborted || options.keepGoing?.() === false) return { kind: "stopped" };
    if (clock.now() >= deadline) {
      return { kind: "failed", error: new DeviceFlowError("expired_token", "the code expired") };
    }
    const result = await client.poll(code.deviceCode, signal);
    if (signal?.aborted) return { kind: "stopped" };
    if (result.kind === "slow-down") {
      interval = Math.max(interval + SLOW_DOWN_STEP_MS, result.intervalMs ?? 0);
    }
    if (result.kind === "transient") {
      transient++;
      if (transient >= MAX_TRANSIENT_FAILURES) {
        return { kind: "failed", error: new DeviceFlowError("unreachable", result.message) };
      }
    } else {
      transient = 0;
    }
    options.onPoll?.(result, interval);
    if (result.kind === "token" || result.kind === "failed") return result;
  }
}

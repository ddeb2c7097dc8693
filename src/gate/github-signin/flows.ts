/**
 * Sign-ins in progress, one per browser (named by a random id in a cookie scoped to the
 * sign-in paths). Each polls GitHub on the server side at the pace GitHub sets, so the page
 * only ever asks the gate; polling stops when nobody has asked for the status for a while
 * (the tab was closed), when the code expires, and on close().
 */
import { cookieValues } from "../session-cookie.js";
import type { Clock } from "./clock.js";
import { type DeviceFlowClient, type DeviceFlowFailure, waitForToken } from "./device-flow.js";
import { digestKey, newSecret } from "./sessions.js";
import type { AllowedVerdict, DeniedVerdict } from "./verdict.js";

export const FLOW_COOKIE = "preview_tunnel_signin";

export type FlowFailure = DeviceFlowFailure | "abandoned" | "unavailable";

export type FlowState =
  | { readonly kind: "pending" }
  /** Signed in (allowed or not); `sessionId` is handed to this browser once, at continue. */
  | {
      readonly kind: "done";
      readonly verdict: AllowedVerdict | DeniedVerdict;
      readonly sessionId: string;
    }
  | { readonly kind: "failed"; readonly code: FlowFailure; readonly detail: string };

export interface Flow {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly expiresAt: number;
  readonly returnTo: string;
  state: FlowState;
  /** Last time the browser asked about it. */
  lastSeen: number;
  /** When it stopped pending (approved, refused, failed); undefined while pending. */
  endedAt: number | undefined;
}

interface Entry {
  readonly flow: Flow;
  readonly controller: AbortController;
}

/** Too many sign-ins are in progress at once (each holds a device code at GitHub). */
export class TooManyFlows extends Error {
  constructor() {
    super("too many sign-ins are in progress");
    this.name = "TooManyFlows";
  }
}

export interface FlowsOptions {
  readonly client: DeviceFlowClient;
  readonly clock: Clock;
  /** Polling stops when the status was not asked for this long. */
  readonly idleMs: number;
  readonly max: number;
  /** Turns GitHub's token into a session; the token is not kept past this call. */
  readonly complete: (token: string, signal: AbortSignal) => Promise<FlowState>;
  /** A sign-in stopped polling because nobody asked about it for `idleMs`. */
  readonly onIdle?: () => void;
}

export class Flows {
  readonly #entries = new Map<string, Entry>();
  readonly #running = new Set<Promise<void>>();
  readonly #options: FlowsOptions;
  #closed = false;

  constructor(options: FlowsOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Asks GitHub for a device code and starts polling; returns the id for the browser's
   * cookie. A sign-in this browser had in progress is dropped first. Throws DeviceFlowError
   * or TooManyFlows.
   */
  async start(returnTo: string, cookieHeader: string | undefined): Promise<{ id: string; flow: Flow }> {
    this.#sweep();
    for (const key of this.#keys(cookieHeader)) this.#drop(key);
    if (this.#closed || this.#entries.size >= this.#options.max) throw new TooManyFlows();
    const controller = new AbortController();
    const code = await this.#options.client.requestCode(controller.signal);
    const { clock } = this.#options;
    const flow: Flow = {
      userCode: code.userCode,
      verificationUri: code.verificationUri,
      expiresAt: clock.now() + code.expiresInMs,
      returnTo,
      state: { kind: "pending" },
      lastSeen: clock.now(),
      endedAt: undefined,
    };
    const id = newSecret();
    const key = digestKey(id);
    this.#entries.set(key, { flow, controller });
    const running = this.#poll(flow, code, controller.signal).finally(() => this.#running.delete(running));
    this.#running.add(running);
    return { id, flow };
  }

  /** The sign-in this browser has in progress; asking counts as someone watching it. */
  find(cookieHeader: string | undefined): Flow | undefined {
    this.#sweep();
    for (const key of this.#keys(cookieHeader)) {
      const entry = this.#entries.get(key);
      if (entry === undefined) continue;
      entry.flow.lastSeen = this.#options.clock.now();
      return entry.flow;
    }
    return undefined;
  }

  /** Forgets the browser's sign-in (after its session was handed over). */
  finish(cookieHeader: string | undefined): void {
    for (const key of this.#keys(cookieHeader)) this.#drop(key);
  }

  /** Stops all polling; idempotent. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const key of [...this.#entries.keys()]) this.#drop(key);
    await Promise.allSettled([...this.#running]);
  }

  async #poll(flow: Flow, code: Awaited<ReturnType<DeviceFlowClient["requestCode"]>>, signal: AbortSignal) {
    const { clock, idleMs } = this.#options;
    const watched = () => clock.now() - flow.lastSeen <= idleMs;
    await this.#follow(flow, code, signal, watched);
    flow.endedAt = clock.now();
  }

  async #follow(
    flow: Flow,
    code: Awaited<ReturnType<DeviceFlowClient["requestCode"]>>,
    signal: AbortSignal,
    watched: () => boolean,
  ): Promise<void> {
    const { client, clock } = this.#options;
    try {
      const result = await waitForToken(client, code, { clock, signal, keepGoing: watched });
      if (result.kind === "stopped") {
        if (!signal.aborted) {
          flow.state = { kind: "failed", code: "abandoned", detail: "nobody was waiting for it" };
          this.#options.onIdle?.();
        }
        return;
      }
      if (result.kind === "failed") {
        flow.state = { kind: "failed", code: result.error.code, detail: result.error.message };
        return;
      }
      flow.state = await this.#options.complete(result.token, signal);
    } catch (error) {
      flow.state = { kind: "failed", code: "unexpected", detail: (error as Error).message };
    }
  }

  #keys(cookieHeader: string | undefined): string[] {
    if (cookieHeader === undefined || !cookieHeader.includes(FLOW_COOKIE)) return [];
    return cookieValues(cookieHeader, FLOW_COOKIE).map(digestKey);
  }

  #drop(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    entry.controller.abort();
    this.#entries.delete(key);
  }

  /** Forgets ended sign-ins nobody asked about for a while (since they ended, at least). */
  #sweep(): void {
    const now = this.#options.clock.now();
    for (const [key, { flow }] of this.#entries) {
      const ended = flow.endedAt;
      if (ended !== undefined && now - Math.max(flow.lastSeen, ended) > this.#options.idleMs) this.#drop(key);
    }
  }
}

/**
 * Replay tickets: a replay from the inspector is sent through the gate itself (so it is
 * verified, recorded and listed like any request), carrying a single-use ticket in
 * REPLAY_HEADER instead of anyone's credentials. The gate redeems the ticket before user
 * auth: a valid one lets the request in as the reviewer who pressed Replay and links the new
 * exchange to the original. Tickets are random, single-use, expire after a minute and are
 * looked up by their SHA-256 digest (no timing leak of the value). The gate takes the header
 * off the request before recording and forwarding it; a spent ticket is worth nothing anyway.
 */
import { randomBytes } from "node:crypto";
import { sha256Base64 } from "../../util/secure-compare.js";

/** The request header that carries a ticket; the gate removes it before the app. */
export const REPLAY_HEADER = "x-preview-replay";

const TTL_MS = 60_000;
/** Replays waiting to reach the gate at once: a bound on what a busy page can make us remember. */
const MAX_OPEN = 64;

export interface ReplayTicket {
  /** Id of the exchange replayed. */
  readonly of: number;
  /** Who pressed Replay, when the gate's sign-in names users (the app sees X-Preview-User as for them). */
  readonly user: string | undefined;
  /** The feed calls this with the new exchange's id. */
  settle(id: number): void;
}

interface Open {
  readonly ticket: ReplayTicket;
  readonly expires: number;
}

export interface IssuedTicket {
  /** The header value. */
  readonly value: string;
  /** Resolves with the new exchange's id once the gate finished it (never rejects). */
  readonly recorded: Promise<number>;
}

export class ReplayTickets {
  readonly #open = new Map<string, Open>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  issue(of: number, user: string | undefined): IssuedTicket | undefined {
    const now = this.#now();
    for (const [key, open] of this.#open) if (open.expires <= now) this.#open.delete(key);
    if (this.#open.size >= MAX_OPEN) return undefined;
    const value = randomBytes(32).toString("base64url");
    let settle: (id: number) => void = () => undefined;
    const recorded = new Promise<number>((resolve) => {
      settle = resolve;
    });
    this.#open.set(key(value), { ticket: { of, user, settle }, expires: now + TTL_MS });
    return { value, recorded };
  }

  /** The ticket `value` names, once: undefined when unknown, used or expired. */
  redeem(value: string | undefined): ReplayTicket | undefined {
    if (value === undefined || value === "") return undefined;
    const k = key(value);
    const open = this.#open.get(k);
    if (open === undefined) return undefined;
    this.#open.delete(k);
    return open.expires > this.#now() ? open.ticket : undefined;
  }
}

function key(value: string): string {
  return sha256Base64(value);
}

/**
 * Authorization requests waiting for the user to pick a test user (or deny) on the login
 * page. The page's form carries only a random id: the request's parameters stay here, so a
 * tampered form cannot change the redirect URI or the PKCE challenge.
 */
import { randomToken } from "./secrets.js";

// Long enough for a reviewer reading the page; the page says to start again after it.
export const INTERACTION_TTL_MS = 10 * 60_000;

export class InteractionStore<T> {
  private readonly pending = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  add(value: T): string {
    const now = this.now();
    for (const [id, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(id);
    const id = randomToken(24);
    this.pending.set(id, { value, expiresAt: now + INTERACTION_TTL_MS });
    return id;
  }

  /** Removes and returns the request: a login form can be submitted once. */
  take(id: string): T | undefined {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }
}

/**
 * Who signed in and who was refused, for the job summary: logins, the rule or the reason,
 * and when; never a token or a session id. One entry per login and outcome.
 */

export interface AuditEntry {
  readonly login: string;
  /** How they came: the sign-in page, or an Authorization header with a GitHub token. */
  readonly via: "browser" | "github-token";
  /** Which rule let them in, or why they were refused. */
  readonly detail: string;
  readonly firstAt: number;
  lastAt: number;
  count: number;
}

export interface SignInAudit {
  readonly signedIn: readonly AuditEntry[];
  readonly refused: readonly AuditEntry[];
}

/** Enough for any review; beyond it, new logins are counted but not listed. */
const MAX_ENTRIES = 500;

export class AuditLog {
  readonly #signedIn = new Map<string, AuditEntry>();
  readonly #refused = new Map<string, AuditEntry>();
  #dropped = 0;

  /** Records an outcome; returns true when it is new for this login (worth a log line). */
  record(allowed: boolean, login: string, via: AuditEntry["via"], detail: string, at: number): boolean {
    const entries = allowed ? this.#signedIn : this.#refused;
    const key = `${via} ${login.toLowerCase()} ${detail}`;
    const known = entries.get(key);
    if (known) {
      known.lastAt = at;
      known.count++;
      return false;
    }
    if (this.#signedIn.size + this.#refused.size >= MAX_ENTRIES) {
      this.#dropped++;
      return false;
    }
    entries.set(key, { login, via, detail, firstAt: at, lastAt: at, count: 1 });
    return true;
  }

  /** Outcomes not listed because the list was full. */
  get dropped(): number {
    return this.#dropped;
  }

  snapshot(): SignInAudit {
    const copy = (entries: Map<string, AuditEntry>) => [...entries.values()].map((e) => ({ ...e }));
    return { signedIn: copy(this.#signedIn), refused: copy(this.#refused) };
  }
}

/** What the sign-in says about one request to the preview. */

export type AllowedVia = "session" | "github-token" | "run-token";

export interface AllowedVerdict {
  readonly kind: "allowed";
  /** The GitHub login (for X-Preview-User); undefined for the run's own bearer token. */
  readonly login: string | undefined;
  readonly via: AllowedVia;
  /** Which rule let them in, e.g. "write on o/r". */
  readonly because: string;
}

export interface DeniedVerdict {
  readonly kind: "denied";
  readonly login: string;
  /** e.g. "needs write on o/r; bob has read". */
  readonly reason: string;
  readonly via: "session" | "github-token";
}

export interface SignInVerdict {
  readonly kind: "sign-in";
  /** An Authorization header was sent but GitHub does not accept the token. */
  readonly invalidToken: boolean;
}

export interface UnavailableVerdict {
  readonly kind: "unavailable";
  readonly reason: string;
}

export type Verdict = AllowedVerdict | DeniedVerdict | SignInVerdict | UnavailableVerdict;
export type Refusal = Exclude<Verdict, AllowedVerdict>;

export const NEEDS_SIGN_IN: SignInVerdict = Object.freeze({ kind: "sign-in", invalidToken: false });
export const INVALID_TOKEN: SignInVerdict = Object.freeze({ kind: "sign-in", invalidToken: true });
export const RUN_TOKEN: AllowedVerdict = Object.freeze({
  kind: "allowed",
  login: undefined,
  via: "run-token",
  because: "the run's own token",
});

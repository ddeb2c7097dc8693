/**
 * Stage: user auth with `auth: github`, in place of user-auth.ts. The sign-in decides
 * (github-signin/: a session cookie, the run's own token, or a GitHub token checked with
 * GitHub); a login link's session (the scenarios' browser signs in through one; the link is
 * never published in this mode) is accepted too. Let in: the app is told the login in
 * X-Preview-User, and a consumed Authorization header and the session cookie are taken out.
 * Not let in: the sign-in's page (401), the refusal page (403) or GitHub being down (503).
 */
import type { Authenticator } from "../auth.js";
import type { Exchange } from "../exchange.js";
import type { GithubSignIn, Verdict } from "../github-signin/index.js";
import { replyAnswer } from "../respond.js";
import { SESSION_COOKIE } from "../session-cookie.js";
import type { Stage } from "../stage.js";

/** A login link's session names no GitHub user. */
const LINKED = { user: undefined } as const;

export function signInAuthStage(signin: GithubSignIn, auth: Authenticator): Stage {
  const decide = (ex: Exchange, verdict: Verdict): boolean => {
    if (verdict.kind === "allowed") {
      ex.stripAuthorization = verdict.via !== "session";
      ex.previewUser = verdict.login;
      // The inspector opens to whoever is let in here, and to nobody else.
      ex.signedIn = { user: verdict.login };
      return false;
    }
    if (verdict.kind === "sign-in" && !verdict.invalidToken && ex.stripSessionCookie) {
      const linked = auth.check(ex.basics);
      if (linked.ok && linked.via === "session") {
        ex.signedIn = LINKED;
        return false;
      }
    }
    const answer = signin.refusal(verdict, { url: ex.req.url ?? "/", accept: ex.req.headers.accept });
    replyAnswer(ex, answer, refusalNote(verdict));
    return true;
  };
  return (ex) => {
    ex.stripSessionCookie = ex.basics.cookie?.includes(SESSION_COOKIE) ?? false;
    // A verified delivery, or a replay a signed-in reviewer sent from the inspector (who is
    // named to the app), reach the app without a sign-in of their own; never the inspector.
    if (!ex.inspecting && ex.webhookVerified) return false;
    if (!ex.inspecting && ex.replay !== undefined) {
      ex.previewUser = ex.replay.user;
      return false;
    }
    const verdict = signin.check(ex.basics);
    return verdict instanceof Promise ? verdict.then((v) => decide(ex, v)) : decide(ex, verdict);
  };
}

/** Why the gate answered, for the recording: who and why, never a token. */
function refusalNote(verdict: Exclude<Verdict, { kind: "allowed" }>): string {
  switch (verdict.kind) {
    case "sign-in":
      return verdict.invalidToken ? "GitHub does not accept the token" : "sign in with GitHub";
    case "denied":
      return `${verdict.login} may not open this preview: ${verdict.reason}`;
    case "unavailable":
      return `GitHub cannot check who this is: ${verdict.reason}`;
  }
}

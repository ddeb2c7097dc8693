/**
 * Stage: the GitHub sign-in's own paths (`auth: github`; /__preview/signin/..., /__preview/logout),
 * answered before user auth (a visitor without a session must reach them) and before the
 * namespace's 404. Counted and recorded like any answer of the gate; a body carrying a
 * sign-in's code is left out of the recording.
 */
import type { GithubSignIn } from "../github-signin/index.js";
import { isSignInPath } from "../github-signin/paths.js";
import { reply, replyAnswer } from "../respond.js";
import type { Stage } from "../stage.js";

export function signInRoutesStage(signin: GithubSignIn | undefined, publicUrl: () => URL | undefined): Stage {
  if (signin === undefined) return () => false;
  return (ex) => {
    if (!isSignInPath(ex.path)) return false;
    if (!ex.res) {
      reply(ex, 400, `${ex.path} is a page of the sign-in, not a WebSocket`);
      return true;
    }
    const url = publicUrl();
    const answer = signin.route(ex.req, {
      pathname: ex.path,
      publicOrigin: url?.origin,
      secure: url?.protocol === "https:",
    });
    if (answer === undefined) return false;
    if (!(answer instanceof Promise)) {
      replyAnswer(ex, answer);
      return true;
    }
    return answer.then((a) => {
      replyAnswer(ex, a);
      return true;
    });
  };
}

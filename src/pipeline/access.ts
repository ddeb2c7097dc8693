import type { GateAuth } from "../gate/settings.js";
/** How to tell reviewers to get through the gate (the credentials themselves: clientCredentials). */

/** How to sign in, in words, without the secret itself (it goes to public places). */
export function signInMethod(
  auth: GateAuth,
  generated: boolean,
): { method: string; where: string | undefined } {
  const where = generated
    ? "the credentials were generated for this run: they are in the step's outputs (masked in logs)"
    : "the credentials come from the workflow's `credentials` input (a secret)";
  switch (auth.mode) {
    case "basic":
      return { method: `HTTP basic auth, user \`${auth.username}\``, where };
    case "bearer":
      return { method: "an `Authorization: Bearer` token", where };
    case "none":
      return { method: "no sign-in: the preview is open to anyone with the URL", where: undefined };
  }
}

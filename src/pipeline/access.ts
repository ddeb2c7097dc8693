/** How clients get through the gate: the environment for tests and what to tell reviewers. */
import type { GateAuth } from "../config/gate-parse.js";

/** PREVIEW_* variables for the test command and the scenario runner (besides PREVIEW_URL). */
export function accessEnv(auth: GateAuth): Record<string, string> {
  switch (auth.mode) {
    case "basic":
      return {
        PREVIEW_USERNAME: auth.username,
        PREVIEW_PASSWORD: auth.password,
        PREVIEW_AUTH_HEADER: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}`,
      };
    case "bearer":
      return { PREVIEW_TOKEN: auth.token, PREVIEW_AUTH_HEADER: `Bearer ${auth.token}` };
    case "none":
      return {};
  }
}

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

/** Resolving the gate's settings: credentials left empty are generated, once for the run. */
import { randomBytes } from "node:crypto";
import type { GithubSignInSettings } from "../../gate/github-signin/index.js";
import { DEFAULT_USERNAME, type GateAuth, type GateSettings } from "../../gate/settings.js";
import type { ParsedGate } from "../parse/gate.js";

const GENERATED_BYTES = 24;

/** 24 random bytes, base64url: safe in headers, URLs and shells. */
export function generateSecret(): string {
  return randomBytes(GENERATED_BYTES).toString("base64url");
}

/**
 * The gate's settings; with `auth: github` the sign-in's settings join the run's own token
 * (undefined without them: their problem is reported by the sign-in's inputs).
 */
export function resolveGate(parsed: ParsedGate, signin?: GithubSignInSettings): GateSettings | undefined {
  const { credentials, ...settings } = parsed;
  if ("github" in credentials) {
    if (signin === undefined) return undefined;
    const given = credentials.github.token;
    return {
      ...settings,
      auth: { mode: "github", token: given ?? generateSecret(), signin },
      credentialsGenerated: given === undefined,
    };
  }
  if (credentials.generate === undefined)
    return { ...settings, auth: credentials.auth, credentialsGenerated: false };
  const auth: GateAuth =
    credentials.generate === "bearer"
      ? { mode: "bearer", token: generateSecret() }
      : { mode: "basic", username: DEFAULT_USERNAME, password: generateSecret() };
  return { ...settings, auth, credentialsGenerated: true };
}

/** Resolving the gate's settings: credentials left empty are generated, once for the run. */
import { randomBytes } from "node:crypto";
import { DEFAULT_USERNAME, type GateAuth, type GateSettings } from "../../gate/settings.js";
import type { ParsedGate } from "../parse/gate.js";

const GENERATED_BYTES = 24;

/** 24 random bytes, base64url: safe in headers, URLs and shells. */
export function generateSecret(): string {
  return randomBytes(GENERATED_BYTES).toString("base64url");
}

export function resolveGate(parsed: ParsedGate): GateSettings {
  const { credentials, ...settings } = parsed;
  if (credentials.generate === undefined)
    return { ...settings, auth: credentials.auth, credentialsGenerated: false };
  const auth: GateAuth =
    credentials.generate === "bearer"
      ? { mode: "bearer", token: generateSecret() }
      : { mode: "basic", username: DEFAULT_USERNAME, password: generateSecret() };
  return { ...settings, auth, credentialsGenerated: true };
}

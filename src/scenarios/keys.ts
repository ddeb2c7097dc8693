/**
 * Keys generated per run: Discord signs interactions with Ed25519, so the run makes a key
 * pair, signs with the private half and gives the app the public half (hex, as Discord's
 * Developer Portal shows it) in the scenario's public-key-env variable.
 */
import { generateKeyPairSync } from "node:crypto";
import type { Scenario } from "./types.js";

export interface ScenarioKeys {
  readonly discord: {
    /** 64 hex characters: what the app passes to verifyKey(). */
    readonly publicKeyHex: string;
    /** PKCS#8 PEM: a secret (mask it). */
    readonly privateKeyPem: string;
  };
}

export function createScenarioKeys(): ScenarioKeys {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const x = publicKey.export({ format: "jwk" }).x ?? "";
  return {
    discord: {
      publicKeyHex: Buffer.from(x, "base64url").toString("hex"),
      privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    },
  };
}

/** Variables the app needs for these scenarios, e.g. { DISCORD_PUBLIC_KEY: "<hex>" }. */
export function scenarioAppEnv(scenarios: readonly Scenario[], keys: ScenarioKeys): Record<string, string> {
  const env: Record<string, string> = {};
  for (const s of scenarios)
    if (s.publicKeyEnv !== undefined) env[s.publicKeyEnv] = keys.discord.publicKeyHex;
  return env;
}

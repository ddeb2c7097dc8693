/** Parsers of the run's own inputs: which tunnel, what to test, how long the preview lives. */
import type { SessionSettings } from "../../session/settings.js";
import { type ProviderName, TUNNEL_PROVIDERS } from "../../tunnel/settings.js";
import { parseBoolean, parseChoice, parseDuration } from "../../util/parse.js";
import type { InputReader } from "../inputs/reader.js";
import type { RunInputName } from "../inputs/run.js";

export function parseProvider(input: string, raw: string): ProviderName {
  return parseChoice(input, raw, TUNNEL_PROVIDERS);
}

/** Empty: no test command. */
export function parseTest(_input: string, raw: string): string | undefined {
  return raw.trim() === "" ? undefined : raw.trim();
}

export interface RunChoices extends SessionSettings {
  readonly provider: ProviderName;
}

export function parseRunInputs(inputs: InputReader<RunInputName>): RunChoices | undefined {
  return inputs.readAll({
    provider: ["provider", parseProvider],
    test: ["test", parseTest],
    keepAliveMs: ["keep-alive", parseDuration],
    keepRunning: ["keep-running", parseBoolean],
    failOnCrash: ["fail-on-crash", parseBoolean],
  });
}

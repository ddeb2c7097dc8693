/** Each part's defaults (its settings.ts) agree with what its inputs give when none is set. */
import { describe, expect, it } from "vitest";
import { parseScenarioSettings, parseTunnelSettings } from "../../src/config/parts.js";
import { DEFAULT_SCENARIO_TIMEOUT_MS } from "../../src/scenarios/settings.js";
import { chooseProvider } from "../../src/tunnel/index.js";
import { defaultTunnelSettings } from "../../src/tunnel/settings.js";

describe("part defaults", () => {
  it("tunnel: the settings of no input are defaultTunnelSettings(), which chooseProvider falls back to", () => {
    expect(parseTunnelSettings(() => undefined, {})).toEqual(defaultTunnelSettings());
    expect(chooseProvider("ssh").reason).toBe(
      chooseProvider("ssh", { settings: parseTunnelSettings(() => undefined, {}), env: {} }).reason,
    );
  });

  it("scenarios: the timeout of no input is DEFAULT_SCENARIO_TIMEOUT_MS", async () => {
    const settings = await parseScenarioSettings(() => undefined, {}, { cwd: process.cwd() });
    expect(settings.timeoutMs).toBe(DEFAULT_SCENARIO_TIMEOUT_MS);
  });
});

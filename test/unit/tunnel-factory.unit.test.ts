import { describe, expect, it } from "vitest";
import { parseTunnelSettings } from "../../src/config/parts.js";
import { chooseProvider } from "../../src/tunnel/index.js";

const settings = (env: Record<string, string> = {}, inputs: Record<string, string> = {}) =>
  parseTunnelSettings((name) => inputs[name], env);

describe("chooseProvider", () => {
  it("auto: ngrok when an authtoken is set, saying where it came from", () => {
    const env = { NGROK_AUTHTOKEN: "tok_123456789", GITHUB_ACTIONS: "true" };
    const choice = chooseProvider("auto", { settings: settings(env), env });
    expect(choice.provider.name).toBe("ngrok");
    expect(choice.reason).toMatch(/auto picked ngrok \(an authtoken is set in NGROK_AUTHTOKEN\)/);
    const fromInput = chooseProvider("auto", {
      settings: settings({}, { "ngrok-authtoken": "tok_123456789" }),
      env: {},
    });
    expect(fromInput.reason).toMatch(/set in ngrok-authtoken/);
  });

  it("auto: cloudflared on a GitHub runner, local elsewhere", () => {
    const runner = { GITHUB_ACTIONS: "true" };
    expect(chooseProvider("auto", { settings: settings(runner), env: runner }).provider.name).toBe(
      "cloudflared",
    );
    const local = chooseProvider("auto", { settings: settings(), env: {} });
    expect(local.provider.name).toBe("local");
    expect(local.reason).toMatch(/auto picked local/);
  });

  it("without a context, auto stays local", () => {
    expect(chooseProvider("auto").provider.name).toBe("local");
  });

  it("named providers are used as named", () => {
    const ctx = { settings: settings(), env: {} };
    expect(chooseProvider("ssh", ctx).provider.name).toBe("ssh");
    expect(chooseProvider("ssh", ctx).reason).toBe("provider: ssh via localhost.run:22");
    expect(chooseProvider("cloudflared", ctx).provider.name).toBe("cloudflared");
    expect(chooseProvider("ngrok", ctx).provider.name).toBe("ngrok");
    expect(chooseProvider("local", ctx).provider.name).toBe("local");
  });
});

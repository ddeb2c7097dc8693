import { describe, expect, it } from "vitest";
import { GATE_INPUTS, type GateInputName } from "../../src/config/inputs/gate.js";
import { InputReader } from "../../src/config/inputs/reader.js";
import { SIGNIN_INPUTS, type SignInInputName } from "../../src/config/inputs/signin.js";
import { collectGateSettings, parseGateSettings } from "../../src/config/parts.js";
import { ConfigError, type InputError } from "../../src/errors.js";
import { gateSecrets } from "../../src/gate/settings.js";

type Inputs = Partial<Record<GateInputName | SignInInputName, string>>;

const parse = (inputs: Inputs, env: Record<string, string> = {}, defaults = {}) =>
  parseGateSettings((name) => inputs[name], env, defaults);

/** The single problem reported for `inputs`. */
function problem(inputs: Inputs, env: Record<string, string> = {}): InputError {
  const reader = new InputReader((name: GateInputName | SignInInputName) => inputs[name], {
    ...GATE_INPUTS,
    ...SIGNIN_INPUTS,
  });
  expect(collectGateSettings(reader, env)).toBeUndefined();
  expect(reader.problems).toHaveLength(1);
  return reader.problems[0] as InputError;
}

describe("defaults", () => {
  it("basic auth with generated credentials, 25mb, 64kb, no recording without a default path", () => {
    const settings = parse({});
    expect(settings.auth.mode).toBe("basic");
    if (settings.auth.mode !== "basic") throw new Error("unreachable");
    expect(settings.auth.username).toBe("preview");
    // 24 random bytes, base64url.
    expect(settings.auth.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(settings.credentialsGenerated).toBe(true);
    expect(settings.maxBodyBytes).toBe(25 * 1024 * 1024);
    expect(settings.allowCidrs).toBeUndefined();
    expect(settings.requestHeaders).toEqual([]);
    expect(settings.webhooks).toEqual([]);
    expect(settings.record).toBeUndefined();
    expect(parse({}).auth).not.toEqual(settings.auth);
  });

  it("records to the caller's default path, resolved against cwd, with the 64kb body limit", () => {
    const recorded = parse({}, {}, { record: "run/gate.har", cwd: "/tmp/x" });
    expect(recorded.record).toEqual({ path: "/tmp/x/run/gate.har" });
    expect(recorded.recordBodyLimit).toBe(64 * 1024);
    const off = parse({ record: "none", "record-body-limit": "2kb" }, {}, { record: "/tmp/a.har" });
    expect(off.record).toBeUndefined();
    // The inspector keeps bodies up to the limit also when recording is off.
    expect(off.recordBodyLimit).toBe(2048);
  });

  it("every input has a description and a default matching action.yml's", () => {
    for (const spec of Object.values(GATE_INPUTS)) expect(spec.description.length).toBeGreaterThan(20);
    expect(GATE_INPUTS.auth.default).toBe("basic");
    expect(GATE_INPUTS["max-body"].default).toBe("25mb");
  });
});

describe("inspector", () => {
  it("is on by default when the preview has a sign-in, off with auth: none unless asked for", () => {
    expect(parse({}).inspector).toBe(true);
    expect(parse({ auth: "bearer" }).inspector).toBe(true);
    expect(parse({ auth: "none" }).inspector).toBe(false);
    expect(parse({ auth: "none", inspector: "true" }).inspector).toBe(true);
    expect(parse({ auth: "none", inspector: " " }).inspector).toBe(false);
    expect(parse({ inspector: "false" }).inspector).toBe(false);
    expect(parse({ inspector: "No" }).inspector).toBe(false);
    expect(GATE_INPUTS.inspector.default).toBe("");
  });

  it("names the input when the value is not a boolean", () => {
    const error = problem({ inspector: "sometimes" });
    expect(error.message).toContain('"inspector"');
    expect(error.message).toContain("sometimes");
    expect(error.message).toMatch(/true or false/);
  });
});

describe("valid values", () => {
  it("reads every input", () => {
    const settings = parse(
      {
        auth: "BEARER",
        credentials: "tok_abc.123",
        "allow-cidrs": "10.0.0.0/8, 2001:db8::/32\n203.0.113.7\n::1",
        "request-headers": "X-Preview: yes\n# comment\n\nX-Empty:",
        "max-body": "1.5mb",
        "verify-webhooks": "github /hooks/github/ GH\nstripe /hooks/stripe ST",
        record: "/tmp/r.har",
        "record-body-limit": "0b",
      },
      { GH: "gh-secret", ST: "whsec_x" },
    );
    expect(settings.auth).toEqual({ mode: "bearer", token: "tok_abc.123" });
    expect(settings.credentialsGenerated).toBe(false);
    expect(settings.allowCidrs?.blockList.check("10.1.2.3", "ipv4")).toBe(true);
    expect(settings.allowCidrs?.blockList.check("11.1.2.3", "ipv4")).toBe(false);
    expect(settings.allowCidrs?.blockList.check("2001:db8:5::1", "ipv6")).toBe(true);
    expect(settings.allowCidrs?.blockList.check("203.0.113.7", "ipv4")).toBe(true);
    expect(settings.requestHeaders).toEqual([
      ["X-Preview", "yes"],
      ["X-Empty", ""],
    ]);
    expect(settings.maxBodyBytes).toBe(1.5 * 1024 * 1024);
    expect(settings.webhooks).toEqual([
      { provider: "github", pathPrefix: "/hooks/github", secretEnv: "GH", secret: "gh-secret" },
      { provider: "stripe", pathPrefix: "/hooks/stripe", secretEnv: "ST", secret: "whsec_x" },
    ]);
    expect(settings.record).toEqual({ path: "/tmp/r.har" });
    expect(settings.recordBodyLimit).toBe(0);
    expect(gateSecrets(settings)).toEqual(["tok_abc.123", "gh-secret", "whsec_x"]);
  });

  it("splits basic credentials at the first colon (passwords may contain colons)", () => {
    expect(parse({ credentials: "alice:pa:ss" }).auth).toEqual({
      mode: "basic",
      username: "alice",
      password: "pa:ss",
    });
  });

  it.each([
    ["100b", 100],
    ["512kb", 512 * 1024],
    ["25MB", 25 * 1024 ** 2],
    ["1gb", 1024 ** 3],
  ])("max-body %s = %i bytes", (raw, bytes) => {
    expect(parse({ "max-body": raw }).maxBodyBytes).toBe(bytes);
  });
});

describe("invalid values: the message names the input, shows the value, says what is accepted", () => {
  it("auth", () => {
    const p = problem({ auth: "digest" });
    expect(p.input).toBe("auth");
    expect(p.message).toBe('Input "auth" must be one of basic, bearer, none, github (got "digest").');
  });

  it("credentials without a colon for basic: the value is masked, never shown", () => {
    const p = problem({ credentials: "justapassword" });
    expect(p.message).toContain('Input "credentials"');
    expect(p.message).toContain('"user:password"');
    expect(p.message).toContain("13 characters, hidden");
    expect(p.message).not.toContain("justapassword");
  });

  it("credentials with an empty password", () => {
    expect(problem({ credentials: "alice:" }).message).toContain("non-empty password");
  });

  it("credentials that are not a bearer token", () => {
    const p = problem({ auth: "bearer", credentials: "has space" });
    expect(p.message).toContain('Input "credentials" must be a bearer token');
    expect(p.message).not.toContain("has space");
  });

  it.each(["10.0.0.0/33", "2001:db8::/129", "example.com", "10.0.0/8", "1.2.3.4/x"])(
    "allow-cidrs %s",
    (bad) => {
      const p = problem({ "allow-cidrs": `10.0.0.0/8, ${bad}` });
      expect(p.input).toBe("allow-cidrs");
      expect(p.value).toBe(bad);
      expect(p.message).toContain("IPv4 or IPv6 addresses or CIDRs");
    },
  );

  it("request-headers without a colon", () => {
    const p = problem({ "request-headers": "X-Ok: 1\nno colon here" });
    expect(p.message).toBe(
      'Input "request-headers" line 2 is not "Name: value" with a header name made of letters, digits and !#$%&\'*+-.^_`|~ (got "no colon here").',
    );
  });

  it("request-headers with an invalid name", () => {
    expect(problem({ "request-headers": "Bad Name: 1" }).message).toContain('line 1 is not "Name: value"');
  });

  it("request-headers setting a header the gate owns", () => {
    const p = problem({ "request-headers": "Host: evil.test" });
    expect(p.message).toContain("sets Host, which the gate manages itself");
    expect(p.message).toContain("content-length");
  });

  it.each(["25", "25 megabytes", "-1mb", "0b"])("max-body %j", (bad) => {
    const p = problem({ "max-body": bad });
    expect(p.message).toContain(`Input "max-body" is not a size`);
    expect(p.message).toContain('"512kb", "25mb", "1gb"');
    expect(p.message).toContain(JSON.stringify(bad));
    if (bad === "25") expect(p.message).toContain('add a unit, e.g. "25kb"');
  });

  it("record-body-limit", () => {
    const p = problem({ "record-body-limit": "lots" });
    expect(p.message).toContain('Input "record-body-limit" is not a size');
    expect(p.message).toContain('or "0b"');
  });

  it("verify-webhooks with the wrong number of fields", () => {
    const p = problem({ "verify-webhooks": "github /hooks" });
    expect(p.message).toContain('line 1 must be "<provider> <path-prefix> <SECRET_ENV_VAR>"');
    expect(p.message).toContain('(got "github /hooks")');
  });

  it("verify-webhooks with an unknown provider", () => {
    const p = problem({ "verify-webhooks": "bitbucket /hooks S" }, { S: "x" });
    expect(p.message).toContain("unknown provider; use one of github, stripe, slack, shopify, twilio");
  });

  it("verify-webhooks with a bad path prefix", () => {
    expect(problem({ "verify-webhooks": "github hooks S" }, { S: "x" }).message).toContain(
      'starting with "/"',
    );
    expect(problem({ "verify-webhooks": "github /__preview/x S" }, { S: "x" }).message).toContain(
      "outside /__preview/",
    );
  });

  it("verify-webhooks with a secret instead of a variable name", () => {
    expect(problem({ "verify-webhooks": "github /hooks whsec-abc" }).message).toContain(
      "not the secret itself",
    );
  });

  it("verify-webhooks naming an unset or empty variable", () => {
    const p = problem({ "verify-webhooks": "stripe /hooks STRIPE_SECRET" }, { STRIPE_SECRET: "" });
    expect(p.message).toContain("reads the secret from STRIPE_SECRET, which is not set or empty");
  });

  it("verify-webhooks repeating a prefix", () => {
    const p = problem({ "verify-webhooks": "github /hooks A\nstripe /hooks/ A" }, { A: "x" });
    expect(p.message).toContain("line 2 repeats the path prefix /hooks");
  });

  it("reports every invalid input at once in one ConfigError", () => {
    let error: unknown;
    try {
      parse({ auth: "nope", "max-body": "big", "allow-cidrs": "x" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.input);
    expect(problems).toEqual(["auth", "allow-cidrs", "max-body"]);
    expect((error as ConfigError).message).toMatch(/^3 inputs are invalid:/);
  });
});

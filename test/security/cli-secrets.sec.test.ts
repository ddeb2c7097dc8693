/**
 * Secrets on the CLI: a private key's "-----BEGIN" as a flag's value (both `--ssh-key "$(cat
 * key)"` and `--ssh-key=...`), and every secret-valued flag read from a file with
 * `--<name>-file`. Each run here is also given a bad port on purpose, so the config is
 * checked and nothing starts: what the key's parser said (or did not say) is the proof.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { usage } from "../../src/cli/usage.js";
import { EXIT } from "../../src/errors.js";
import { Capture } from "../integration/harness.js";

const dir = mkdtempSync(path.join(tmpdir(), "pt-sec-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const KEY = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const PUBLIC = `ssh-ed25519 ${publicKey.export({ format: "der", type: "spki" }).toString("base64")} me@host`;

async function cli(...argv: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await runCli(["run", "--start", "true", "--port", "0", "--provider", "ssh", ...argv], {
    stdout,
    stderr,
    cwd: dir,
    env: { PATH: process.env.PATH ?? "" },
  });
  return { code, out: stdout.text, err: stderr.text };
}

const PORT_ONLY = 'Input "port" must be a TCP port number from 1 to 65535 (got "0").';

describe("a secret flag's value may start with '-'", () => {
  it('--ssh-key "$(cat key)": the key is taken (only the port is refused)', async () => {
    const r = await cli("--ssh-key", KEY);
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain(PORT_ONLY);
    expect(r.err).not.toMatch(/ambiguous|ssh-key/);
    expect(r.err).not.toContain("PRIVATE KEY");
  });

  it("--ssh-key=<key> too", async () => {
    const r = await cli(`--ssh-key=${KEY}`);
    expect(r.err).toContain(PORT_ONLY);
    expect(r.err).not.toMatch(/ambiguous|ssh-key/);
  });

  it("a forgotten value is still an error, not the next flag taken as the value", async () => {
    const r = await cli("--ssh-key", "--ssh-host", "example.com");
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain("--ssh-key");
  });
});

describe("--<secret>-file", () => {
  it("--ssh-key-file reads the key from the file (relative to the working directory)", async () => {
    writeFileSync(path.join(dir, "id_ed25519"), KEY);
    const r = await cli("--ssh-key-file", "id_ed25519");
    expect(r.err).toContain(PORT_ONLY);
    expect(r.err).not.toContain("ssh-key");
  });

  it("what the file holds goes through the input's own checks (a public key is refused)", async () => {
    writeFileSync(path.join(dir, "id.pub"), PUBLIC);
    const r = await cli("--ssh-key-file", "id.pub");
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain('Input "ssh-key" is a public key');
    expect(r.err).not.toContain(PUBLIC.split(" ")[1]);
  });

  it.each(["credentials", "ngrok-authtoken", "github-token"])(
    "--%s-file exists and is read",
    async (name) => {
      writeFileSync(path.join(dir, name), "not valid at all: ###\n");
      const r = await cli(`--${name}-file`, name);
      expect(r.code).toBe(EXIT.invalidInput);
      expect(r.err).not.toContain("Unknown option");
      expect(r.err).not.toContain("###");
    },
  );

  it("a missing file is named with its flag, exit 2", async () => {
    const r = await cli("--ssh-key-file", "nope");
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toContain(`--ssh-key-file: ${path.join(dir, "nope")} does not exist`);
  });

  it("a directory, or a flag given both ways, is refused", async () => {
    expect((await cli("--ssh-key-file", ".")).err).toContain("is not a file");
    writeFileSync(path.join(dir, "k"), KEY);
    expect((await cli("--ssh-key", "x", "--ssh-key-file", "k")).err).toContain(
      "--ssh-key and --ssh-key-file were both given",
    );
  });

  it("--help names each -file flag", () => {
    const help = usage();
    for (const name of ["credentials", "ssh-key", "ngrok-authtoken", "github-token"])
      expect(help).toContain(`--${name}-file <path>`);
  });
});

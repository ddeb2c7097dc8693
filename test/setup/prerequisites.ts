/**
 * What the suite needs from the machine besides Node and npm: the OpenSSH client, which the
 * ssh provider runs as on every runner. Checked before any test, so a machine without it
 * gets one line saying how to install it instead of a screen of failed ssh tests.
 */
import { spawnSync } from "node:child_process";

export const SSH_INSTALL_HINT =
  "install the OpenSSH client: apt-get install openssh-client (Debian/Ubuntu), dnf install openssh-clients (Fedora), apk add openssh-client (Alpine), brew install openssh (macOS), or the OpenSSH Client optional feature (Windows)";

/** Why the suite cannot run on this machine, or undefined when it can. */
export function missingPrerequisite(env: NodeJS.ProcessEnv = process.env): string | undefined {
  // `ssh -V` prints its version and exits 0; only a missing executable matters here.
  const result = spawnSync("ssh", ["-V"], { env, stdio: "ignore" });
  const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "EACCES") {
    return `The tests need "ssh" (the OpenSSH client) on PATH, and there is none: ${SSH_INSTALL_HINT}.`;
  }
  return undefined;
}

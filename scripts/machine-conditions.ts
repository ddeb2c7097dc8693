/**
 * What a machine may lack for a test to run there, checked the same way by the test itself
 * (to skip, saying why) and by CI's reading of the report (scripts/check-test-report.ts): a
 * skip that test/platform-skips.json allows only `when` a condition holds fails CI on a
 * machine where it does not (a runner with a Docker engine must run the Docker test).
 */
import { spawnSync } from "node:child_process";

export interface MachineCondition {
  /** What holds, in words, for messages. */
  readonly description: string;
  /** Undefined when the condition does not hold; otherwise why it holds (what is missing). */
  check(): string | undefined;
}

/** `docker` must answer within this long (a daemon socket that hangs must not hang the suite). */
const DOCKER_TIMEOUT_MS = 20_000;

function dockerFails(args: readonly string[]): string | undefined {
  const result = spawnSync("docker", args, { encoding: "utf8", timeout: DOCKER_TIMEOUT_MS, stdio: "pipe" });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return code === "ENOENT"
      ? "there is no docker command on PATH"
      : `docker ${args.join(" ")}: ${result.error.message}`;
  }
  if (result.status !== 0) {
    const said = (result.stderr || result.stdout).trim().split("\n")[0] ?? "";
    return `docker ${args.join(" ")} exited with code ${result.status}${said ? `: ${said}` : ""}`;
  }
  return undefined;
}

export const CONDITIONS = {
  "no-docker-engine": {
    description: "this machine has no working `docker compose` with a Docker engine",
    check: () =>
      dockerFails(["compose", "version"]) ?? dockerFails(["info", "--format", "{{.ServerVersion}}"]),
  },
} as const satisfies Record<string, MachineCondition>;

export type ConditionName = keyof typeof CONDITIONS;

export function isCondition(name: string): name is ConditionName {
  return Object.hasOwn(CONDITIONS, name);
}

/**
 * The detached stand-in (test/fixtures/apps/detached/): a start command that launches a
 * daemon outside the run's process group and marker and returns, as `docker compose up -d`
 * does, and a stop command that stops it, as `docker compose down` does. The daemon keeps the
 * test's own mark, so a test still finds it if nothing stopped it.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isAlive } from "../../src/app/proc-table.js";

const DIR = fileURLToPath(new URL("../fixtures/apps/detached/", import.meta.url));

export const START_DAEMON = `bash ${path.join(DIR, "start-daemon.sh")}`;
export const STOP_DAEMON = `bash ${path.join(DIR, "stop-daemon.sh")}`;

export class StandIn {
  readonly pidFile: string;
  readonly log: string;

  constructor(dir: string) {
    this.pidFile = path.join(dir, "daemon.pid");
    this.log = path.join(dir, "daemon.log");
  }

  /** The `env` input lines the stand-in's scripts read. */
  get env(): string {
    return `DAEMON_PIDFILE=${this.pidFile}\nDAEMON_LOG=${this.log}\nNODE=${process.execPath}`;
  }

  /** What the daemon said (its pid and port, SIGTERM when a stop command stopped it). */
  said(): string {
    return existsSync(this.log) ? readFileSync(this.log, "utf8") : "";
  }

  /** The daemon's pid, from what it said once it listened. */
  pid(): number | undefined {
    const match = /daemon: pid (\d+) listening/.exec(this.said());
    return match ? Number(match[1]) : undefined;
  }

  /** The port it listens on. */
  port(): number | undefined {
    const match = /listening on (\d+)/.exec(this.said());
    return match ? Number(match[1]) : undefined;
  }

  alive(): boolean {
    const pid = this.pid();
    return pid !== undefined && isAlive(pid);
  }

  /** For a test whose run was not meant to stop it (no stop command). */
  kill(): void {
    const pid = this.pid();
    if (pid === undefined) return;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone already
    }
  }
}

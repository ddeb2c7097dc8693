/**
 * The output of a tunnel agent (ssh, cloudflared) as lines: ANSI colours stripped (sish
 * colours its URLs), the last lines kept for error messages, and a copy appended to a log
 * file in the run's directory for later reading.
 */
import { appendFileSync } from "node:fs";
import type { Readable } from "node:stream";

// ESC [ ... final byte (colours, cursor moves) and ESC ] ... BEL/ST (titles, links).
const ANSI = new RegExp(
  `${String.fromCharCode(27)}(?:\\[[0-9;?]*[ -/]*[@-~]|\\][^\\u0007]*(?:\\u0007|${String.fromCharCode(27)}\\\\))`,
  "g",
);

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

export type LineListener = (line: string) => void;

export class OutputLines {
  private readonly kept: string[] = [];
  private readonly listeners = new Set<LineListener>();
  private readonly flushers = new Set<() => void>();

  constructor(
    private readonly keep = 40,
    private readonly logFile?: string,
  ) {}

  /** Reads a stream; `flush` listeners run after each chunk (see ssh-output.ts). */
  follow(stream: Readable | null | undefined): void {
    if (!stream) return;
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      if (this.logFile) {
        try {
          appendFileSync(this.logFile, chunk);
        } catch {
          // the log copy is a convenience; never let it break the tunnel
        }
      }
      const parts = (partial + chunk).split(/\r?\n|\r/);
      partial = parts.pop() ?? "";
      for (const part of parts) this.push(part);
      for (const flush of this.flushers) flush();
    });
    stream.on("end", () => {
      if (partial !== "") this.push(partial);
      partial = "";
      for (const flush of this.flushers) flush();
    });
  }

  private push(raw: string): void {
    const line = stripAnsi(raw).trimEnd();
    // Blank lines and ssh's "@@@@" banner rules carry nothing worth a slot in the tail.
    if (line.trim() === "" || /^@+$/.test(line.trim())) return;
    this.kept.push(line);
    if (this.kept.length > this.keep) this.kept.shift();
    for (const listener of this.listeners) listener(line);
  }

  onLine(listener: LineListener, onFlush?: () => void): () => void {
    this.listeners.add(listener);
    if (onFlush) this.flushers.add(onFlush);
    return () => {
      this.listeners.delete(listener);
      if (onFlush) this.flushers.delete(onFlush);
    };
  }

  /** The last lines, oldest first. */
  last(count = this.keep): string[] {
    return this.kept.slice(-count);
  }

  /** The last lines as an indented block for error messages, or a note that there were none. */
  describe(count = 12): string {
    const lines = this.last(count);
    return lines.length === 0 ? "  (it printed nothing)" : lines.map((l) => `  ${l}`).join("\n");
  }
}

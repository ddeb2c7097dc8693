/**
 * Follows a log file that a process writes to directly: hands each complete line to the
 * listeners and keeps the last lines for error messages. Memory stays bounded however
 * much the app prints: the file is read in fixed chunks and over-long lines are cut.
 */
import { type FSWatcher, watch } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";

const CHUNK = 64 * 1024;
/** Longer lines are cut here (the whole line stays in the log file). */
export const MAX_LINE = 8 * 1024;
/** fs.watch can miss events (network filesystems, some containers): poll as well. */
const POLL_MS = 100;

export type LineListener = (line: string) => void;

export class LogTail {
  private handle: FileHandle | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private position = 0;
  private partial = "";
  private reading: Promise<void> | undefined;
  private again = false;
  private readonly buffer = Buffer.alloc(CHUNK);
  private readonly last: string[] = [];
  private readonly listeners = new Set<LineListener>();
  private closed = false;

  constructor(
    readonly path: string,
    private readonly keepLines = 50,
    /** Byte offset to start reading at (to continue where another reader stopped). */
    from = 0,
  ) {
    this.position = from;
  }

  /** Bytes read so far (the offset of the next unread byte). */
  get offset(): number {
    return this.position;
  }

  async start(): Promise<void> {
    this.handle = await open(this.path, "r");
    try {
      this.watcher = watch(this.path, () => this.poke());
      this.watcher.on("error", () => undefined);
    } catch {
      // polling alone will do
    }
    this.timer = setInterval(() => this.poke(), POLL_MS);
    this.timer.unref();
    this.poke();
  }

  onLine(listener: LineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last lines read so far (at most keepLines). */
  tail(): string[] {
    return [...this.last];
  }

  /** Reads whatever is in the file now. */
  async flush(): Promise<void> {
    this.poke();
    while (this.reading) await this.reading;
  }

  /** Reads what is left, then stops following; a trailing line without newline is emitted. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush().catch(() => undefined);
    this.closed = true;
    if (this.partial !== "") this.emit(this.partial);
    this.partial = "";
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
  }

  private poke(): void {
    if (this.closed || !this.handle) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = this.drain()
      .catch(() => undefined)
      .finally(() => {
        this.reading = undefined;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const handle = this.handle;
      if (!handle || this.closed) return;
      const { bytesRead } = await handle.read(this.buffer, 0, CHUNK, this.position);
      if (bytesRead === 0) return;
      this.position += bytesRead;
      // A multi-byte character split across chunks decodes as U+FFFD in the step log only;
      // the file itself is untouched.
      this.consume(this.buffer.toString("utf8", 0, bytesRead));
    }
  }

  private consume(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      if (nl === -1) break;
      this.emit(this.partial + text.slice(start, nl));
      this.partial = "";
      start = nl + 1;
    }
    this.partial += text.slice(start);
    if (this.partial.length > MAX_LINE) {
      this.emit(this.partial);
      this.partial = "";
    }
  }

  private emit(raw: string): void {
    const line = (raw.endsWith("\r") ? raw.slice(0, -1) : raw).slice(0, MAX_LINE);
    this.last.push(line);
    if (this.last.length > this.keepLines) this.last.shift();
    for (const listener of this.listeners) listener(line);
  }
}

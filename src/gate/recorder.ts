/**
 * Records every request/response pair into a HAR 1.2 file. Bodies are copied up to the
 * body limit each and counted beyond it, so memory stays within the caps whatever the
 * traffic. Finished exchanges are queued and serialized in a batch after the current I/O,
 * and the bytes are written in larger batches (asynchronously, off the request path), with positional writes that always leave a complete, valid file behind (each write puts the
 * closing brackets after the new entries; the next write starts over them), so a gate that
 * is killed still leaves a HAR that opens in browser devtools.
 */

import { createReadStream } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { open } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { errorMessage } from "../errors.js";
import type { Logger } from "../util/logger.js";
import { makeDir } from "../util/make-dir.js";
import type { Redactor } from "../util/secrets.js";
import type { RecordedExchange } from "./exchange.js";
import { JsonOut, Serializer } from "./har-serialize.js";
import { redactUrlPath } from "./redact.js";

export type { RecordedExchange, Recording } from "./exchange.js";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

/** Where an entry goes when it finishes. */
interface EntrySink {
  readonly bodyLimit: number;
  enqueue(entry: Entry): void;
}

export interface RecorderOptions {
  readonly path: string;
  readonly bodyLimit: number;
  readonly redactor: Redactor;
  readonly logger: Logger;
}

/** Serialized bytes waiting for the disk; beyond this the disk is not keeping up and entries are dropped. */
const MAX_PENDING_BYTES = 32 * 1024 * 1024;
/** Bytes are written when this many are waiting, or FLUSH_MS after the first. */
const FLUSH_BYTES = 512 * 1024;
const FLUSH_MS = 25;
const BUFFER_BYTES = FLUSH_BYTES + 256 * 1024;

/**
 * Up to `limit` bytes of a body. A chunk that is a whole buffer of its own (what node:http
 * hands over for bodies) is kept as is: nothing else writes to it once it was passed on,
 * and it pins nothing beyond itself. Parts of a larger buffer are copied (a slice would pin
 * the socket's whole read buffer).
 */
class Capture {
  first: Buffer | undefined;
  rest: Buffer[] | undefined;
  kept = 0;
  size = 0;

  add(chunk: Buffer, limit: number): void {
    this.size += chunk.length;
    if (this.kept >= limit) return;
    const take = Math.min(chunk.length, limit - this.kept);
    const kept =
      take === chunk.length && chunk.byteOffset === 0 && chunk.buffer.byteLength === take
        ? chunk
        : Buffer.copyBytesFrom(chunk, 0, take);
    if (this.first === undefined) this.first = kept;
    else if (this.rest === undefined) this.rest = [kept];
    else this.rest.push(kept);
    this.kept += take;
  }

  bytes(): Buffer {
    const first = this.first;
    if (first === undefined) return Buffer.alloc(0);
    if (this.rest === undefined) return first;
    return Buffer.concat([first, ...this.rest], this.kept);
  }
}

class Entry implements RecordedExchange {
  readonly request = new Capture();
  readonly reply = new Capture();
  status = 0;
  statusText = "";
  responseHeaders: readonly string[] = [];
  responseVersion = "1.1";
  notes: string[] | undefined;
  send = 0;
  wait = 0;
  receive = 0;
  time = 0;
  service: string | undefined;

  constructor(
    readonly sink: EntrySink,
    readonly method: string,
    readonly url: string,
    readonly httpVersion: string,
    readonly requestHeaders: readonly string[],
    readonly startedAt: number,
    readonly clientAddress: string | undefined,
  ) {}

  requestBody(chunk: Buffer): void {
    this.request.add(chunk, this.sink.bodyLimit);
  }

  response(status: number, statusText: string, rawHeaders: readonly string[], httpVersion: string): void {
    this.status = status;
    this.statusText = statusText;
    this.responseHeaders = rawHeaders;
    this.responseVersion = httpVersion;
  }

  responseBody(chunk: Buffer): void {
    this.reply.add(chunk, this.sink.bodyLimit);
  }

  note(text: string): void {
    this.notes ??= [];
    this.notes.push(text);
  }

  finish(timing: {
    started: number;
    sentAt: number | undefined;
    firstByteAt: number | undefined;
    service?: string | undefined;
  }): void {
    const end = performance.now();
    this.service = timing.service;
    const sent = timing.sentAt ?? timing.started;
    const first = timing.firstByteAt ?? end;
    this.send = Math.max(0, sent - timing.started);
    this.wait = Math.max(0, first - sent);
    this.receive = Math.max(0, end - first);
    this.time = end - timing.started;
    if (this.status === 0) this.note("no response: the connection closed first");
    this.sink.enqueue(this);
  }
}

const HEADER_TEXT = (version: string) =>
  `{"log":{"version":"1.2","creator":{"name":"preview-tunnel","version":${JSON.stringify(version)}},"pages":[],"entries":[`;
const FOOTER = "\n]}}\n";
const FOOTER_BYTES = Buffer.from(FOOTER);

/** A HAR document's text up to its first entry (each entry after the first is preceded by ","). */
export function harHeader(): string {
  return HEADER_TEXT(VERSION);
}

export class HarRecorder implements EntrySink {
  readonly bodyLimit: number;
  readonly path: string;
  readonly #serializer: Serializer;
  /** Entries are serialized into one buffer while the other is being written. */
  #out = new JsonOut(BUFFER_BYTES);
  #spare = new JsonOut(BUFFER_BYTES);
  readonly #logger: Logger;
  readonly #file: FileHandle;
  #position: number;
  #written = 0;
  #dropped = 0;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> | undefined;
  /** Bytes of the write in flight. */
  #inFlight = 0;
  #failed = false;
  #closed: Promise<void> | undefined;
  /** Finished exchanges not serialized yet. */
  #queue: Entry[] = [];
  #draining = false;

  private constructor(options: RecorderOptions, file: FileHandle, position: number) {
    this.path = options.path;
    this.bodyLimit = options.bodyLimit;
    this.#serializer = new Serializer(options.redactor);
    this.#logger = options.logger;
    this.#file = file;
    this.#position = position;
  }

  static async open(options: RecorderOptions): Promise<HarRecorder> {
    let file: FileHandle;
    try {
      makeDir(path.dirname(options.path));
      file = await open(options.path, "w", 0o600);
    } catch (error) {
      // Checked before the run started; something changed since.
      throw new Error(
        `The recording (input "record") cannot be written to ${options.path}: ${errorMessage(error)}`,
      );
    }
    const header = Buffer.from(HEADER_TEXT(VERSION));
    await file.write(Buffer.concat([header, Buffer.from(FOOTER)]), 0, undefined, 0);
    return new HarRecorder(options, file, header.length);
  }

  /** Starts recording one exchange; `url` is absolute, e.g. the public URL plus the path. */
  begin(
    method: string,
    url: string,
    httpVersion: string,
    rawHeaders: readonly string[],
    startedAt: number,
    clientAddress: string | undefined,
  ): RecordedExchange {
    return new Entry(this, method, url, httpVersion, rawHeaders, startedAt, clientAddress);
  }

  /**
   * Queues a finished exchange; the queue is serialized in one batch after the current I/O
   * (setImmediate), off the request path, and the bytes are written in larger batches.
   */
  enqueue(entry: Entry): void {
    if (this.#closed !== undefined || this.#failed) return;
    this.#queue.push(entry);
    if (!this.#draining) {
      this.#draining = true;
      setImmediate(this.#drain);
    }
  }

  readonly #drain = (): void => {
    this.#draining = false;
    const queue = this.#queue;
    this.#queue = [];
    for (const entry of queue) this.#serialize(entry);
    if (this.#writing === undefined) this.#schedule();
  };

  #serialize(entry: Entry): void {
    if (this.#failed) return;
    const out = this.#out;
    if (out.length >= MAX_PENDING_BYTES) {
      this.#dropped++;
      return;
    }
    const start = out.length;
    try {
      out.ascii(this.#written === 0 ? "\n" : ",\n");
      this.#serializer.write(out, entry);
      this.#written++;
    } catch (error) {
      out.rollback(start);
      this.#logger.debug(`recorder: could not serialize an entry: ${errorMessage(error)}`);
    }
  }

  /** Writes now when a batch is big enough, else within FLUSH_MS: few large writes, not many small ones. */
  #schedule(): void {
    if (this.#out.length >= FLUSH_BYTES) this.#flush();
    else if (this.#out.length > 0 && this.#timer === undefined) {
      this.#timer = setTimeout(() => this.#flush(), FLUSH_MS).unref();
    }
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#writing !== undefined || this.#out.length === 0 || this.#failed) return;
    const full = this.#out;
    this.#out = this.#spare;
    this.#spare = full;
    const body = full.bytes();
    const length = body.length;
    this.#inFlight = length;
    this.#writing = this.#file
      .writev([body, FOOTER_BYTES], this.#position)
      .then(
        () => {
          this.#position += length;
        },
        (error: unknown) => {
          this.#failed = true;
          this.#logger.warning(`Recording to ${this.path} stopped: ${errorMessage(error)}`);
        },
      )
      .finally(() => {
        full.reset();
        this.#inFlight = 0;
        this.#writing = undefined;
        this.#schedule();
      });
  }

  /**
   * The recording so far as a complete HAR, for a download while recording goes on. What
   * finished before the call is written first. The bytes before the write position never
   * change afterwards (each write starts over the closing brackets), so they are read as they
   * are, with the closing brackets appended: no lock, and the recording goes on meanwhile.
   */
  async snapshot(): Promise<Readable> {
    if (this.#closed !== undefined) {
      await this.#closed;
      return createReadStream(this.path);
    }
    this.#drain();
    const target = this.#position + this.#inFlight + this.#out.length;
    while (this.#position < target && !this.#failed && this.#closed === undefined) {
      if (this.#writing === undefined) this.#flush();
      if (this.#writing === undefined) break;
      await this.#writing;
    }
    const end = this.#position;
    const file = this.path;
    return Readable.from(
      (async function* () {
        yield* createReadStream(file, { start: 0, end: end - 1 });
        yield FOOTER_BYTES;
      })(),
    );
  }

  /** Writes what is pending and closes the file; idempotent. */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  async #close(): Promise<void> {
    try {
      // Flush everything that finished before close (enqueue refuses new entries from now on).
      this.#drain();
      while (this.#writing !== undefined || (this.#out.length > 0 && !this.#failed)) {
        if (this.#writing === undefined) this.#flush();
        await this.#writing;
      }
      if (this.#dropped > 0 && !this.#failed) {
        const note = `${this.#dropped} requests were not recorded: writing the recording could not keep up`;
        const footer = Buffer.from(`\n],"comment":${JSON.stringify(note)}}}\n`);
        await this.#file.write(footer, 0, footer.length, this.#position);
        await this.#file.truncate(this.#position + footer.length);
        this.#logger.warning(`Recording ${this.path}: ${note}.`);
      }
    } catch (error) {
      this.#logger.warning(`Recording to ${this.path} could not be finished: ${errorMessage(error)}`);
    } finally {
      await this.#file.close().catch(() => undefined);
    }
  }
}

/**
 * Captures an exchange the way the recorder does (bodies up to `bodyLimit`), for readers
 * in memory only (the request inspector while recording is off): nothing is written.
 */
export function captureExchange(
  bodyLimit: number,
  method: string,
  url: string,
  httpVersion: string,
  rawHeaders: readonly string[],
  startedAt: number,
  clientAddress: string | undefined,
): RecordedExchange {
  const sink: EntrySink = { bodyLimit, enqueue: () => undefined };
  return new Entry(sink, method, url, httpVersion, rawHeaders, startedAt, clientAddress);
}

/** Absolute URL of a request for the recording: the public base (or the gate's) plus the path. */
export function recordedUrl(base: string, pathAndQuery: string): string {
  return base + redactUrlPath(pathAndQuery.startsWith("/") ? pathAndQuery : `/${pathAndQuery}`);
}

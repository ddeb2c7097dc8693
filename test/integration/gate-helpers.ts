/**
 * Shared by the gate's integration tests: an upstream app that remembers what reached it,
 * a gate built from raw input values (through the real parsers), and a small HTTP client
 * that can pose as any local address family.
 */

import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { GateInputName } from "../../src/config/inputs/gate.js";
import type { SignInInputName } from "../../src/config/inputs/signin.js";
import { parseGateSettings } from "../../src/config/parts.js";
import type { Har } from "../../src/gate/har.js";
import { type Gate, type GateOptions, startGate } from "../../src/gate/server.js";
import type { Logger } from "../../src/util/logger.js";

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

export interface TestApp {
  readonly port: number;
  readonly received: Received[];
  /** TCP connections the app accepted. */
  readonly connections: () => number;
  readonly server: http.Server;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

const echo: Handler = (req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  res.end(`app saw ${req.method} ${req.url}`);
};

/** An app on 127.0.0.1 that records every request it receives (after reading its body). */
export async function startApp(handler: Handler = echo): Promise<TestApp> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body,
      });
      handler(req, res, body);
    });
  });
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    connections: () => connections,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface LogLines extends Logger {
  readonly lines: string[];
}

export function testLogger(): LogLines {
  const lines: string[] = [];
  const add = (level: string) => (m: string) => {
    lines.push(`${level}: ${m}`);
  };
  return {
    lines,
    info: add("info"),
    warning: add("warning"),
    error: add("error"),
    debug: add("debug"),
    startGroup: add("group"),
    endGroup: () => undefined,
    write: add("write"),
  };
}

export type Inputs = Partial<Record<GateInputName | SignInInputName, string>>;

/** A gate in front of `appPort`, configured from raw input values (recording off unless asked). */
export async function startTestGate(
  appPort: number,
  inputs: Inputs = {},
  extra: Partial<Omit<GateOptions, "settings" | "upstream">> & { env?: Record<string, string> } = {},
): Promise<Gate> {
  const { env = {}, ...rest } = extra;
  const settings = parseGateSettings((name) => inputs[name] ?? (name === "record" ? "none" : undefined), env);
  return startGate({
    upstream: { host: "127.0.0.1", port: appPort },
    settings,
    logger: testLogger(),
    ...rest,
  });
}

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

export interface RequestOptions {
  readonly method?: string;
  readonly headers?: http.OutgoingHttpHeaders;
  readonly body?: string | Buffer;
  /** Connect from this local address (e.g. "::1") to this host. */
  readonly host?: string;
  readonly localAddress?: string;
}

/** One request on a fresh connection; resolves with the whole response. */
export function request(port: number, path: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? "127.0.0.1",
        port,
        path,
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

/** har-validator ships no types; its promise API resolves with the HAR or rejects with the errors. */
export const harValidator = createRequire(import.meta.url)("har-validator") as {
  har(data: unknown): Promise<unknown>;
};

/** A HAR's exchanges as "METHOD /path status", in order: what a test compares. */
export function harExchanges(har: Har): string[] {
  return har.log.entries.map(
    (e) => `${e.request.method} ${new URL(e.request.url).pathname} ${e.response.status}`,
  );
}

import { describe, expect, it } from "vitest";
import { stripAnsi } from "../../src/tunnel/output.js";
import type { SshService } from "../../src/tunnel/settings.js";
import { type SshEvent, sshFailureHint, sshOutputParser } from "../../src/tunnel/ssh-output.js";

/** Feeds lines as one chunk, as OutputLines does, and returns the events. */
function events(service: SshService, text: string): SshEvent[] {
  const parser = sshOutputParser(service);
  const found: SshEvent[] = [];
  for (const line of text.split("\n")) {
    const event = parser.line(stripAnsi(line));
    if (event) found.push(event);
  }
  const held = parser.flush();
  if (held) found.push(held);
  return found;
}

const ESC = String.fromCharCode(27);

describe("localhost.run", () => {
  it("reads the tcpip-forward JSON event", () => {
    const line = JSON.stringify({
      address: "3b1d872d3c1d63.lhr.life",
      authz_code: "OK",
      connection_id: "1.2.3.4:5",
      event: "tcpip-forward",
      listen_host: "localhost",
      listen_port: 80,
      message: "3b1d872d3c1d63.lhr.life tunneled with tls termination, https://3b1d872d3c1d63.lhr.life\nQR",
    });
    const authn = JSON.stringify({ event: "authn", message: "authenticated as anonymous user" });
    expect(events("localhost.run", `${authn}\n${line}`)).toEqual([
      { kind: "url", url: "https://3b1d872d3c1d63.lhr.life" },
    ]);
  });

  it("reads the CloudEvents form, and a rejection", () => {
    const accepted = JSON.stringify({
      specversion: "1.0",
      id: "localhost/01dafc11bae282.lhr.life",
      type: "v1.tcpip_forward.register.accepted",
      source: "ssh://localhost.run/",
      data: "01dafc11bae282.lhr.life tunneled with tls termination, https://01dafc11bae282.lhr.life\r\nQR",
    });
    expect(events("localhost.run", accepted)).toEqual([
      { kind: "url", url: "https://01dafc11bae282.lhr.life" },
    ]);
    const rejected = JSON.stringify({
      type: "v1.tcpip_forward.register.rejected",
      data: "no capacity\r\nmore",
    });
    expect(events("localhost.run", rejected)).toEqual([{ kind: "refused", message: "no capacity" }]);
    const denied = JSON.stringify({
      event: "tcpip-forward",
      authz_code: "DENIED",
      address: "x.lhr.life",
      message: "nope",
    });
    expect(events("localhost.run", denied)).toEqual([{ kind: "refused", message: "nope" }]);
  });

  it("falls back to the plain text line", () => {
    const text = [
      "===============================================================================",
      "Welcome to localhost.run!",
      "abc123.lhr.life tunneled with tls termination, https://abc123.lhr.life",
    ].join("\n");
    expect(events("localhost.run", text)).toEqual([{ kind: "url", url: "https://abc123.lhr.life" }]);
  });
});

describe("pinggy", () => {
  it("prefers the https URL after the list header", () => {
    const text = [
      "You can access local server via following URL(s):",
      "http://rnxyz-1-2-3-4.a.free.pinggy.link",
      "https://rnxyz-1-2-3-4.a.free.pinggy.link",
    ].join("\n");
    expect(events("pinggy", text)).toEqual([
      { kind: "url", url: "https://rnxyz-1-2-3-4.a.free.pinggy.link" },
    ]);
  });

  it("takes a lone http URL at the end of the chunk, and ignores URLs before the header", () => {
    expect(
      events(
        "pinggy",
        "Visit https://pinggy.io for pro\nYou can access local server via following URL(s):\nhttp://a.pinggy.link",
      ),
    ).toEqual([{ kind: "url", url: "http://a.pinggy.link" }]);
  });

  it("reads the JSON urls form", () => {
    expect(
      events("pinggy", '{"urls":["http://x.run.pinggy-free.link","https://x.run.pinggy-free.link"]}'),
    ).toEqual([{ kind: "url", url: "https://x.run.pinggy-free.link" }]);
  });
});

describe("serveo", () => {
  it("reads the forwarding line, colours and all", () => {
    const line = `${ESC}[32mForwarding${ESC}[0m HTTP traffic from ${ESC}[1mhttps://abcd.serveo.net${ESC}[0m`;
    expect(events("serveo", line)).toEqual([{ kind: "url", url: "https://abcd.serveo.net" }]);
  });
});

describe("sish", () => {
  it("strips ANSI colours and prefers HTTPS", () => {
    const text = [
      "Press Ctrl-C to close the session.",
      "",
      "Starting SSH Forwarding service for http:80. Forwarded connections can be accessed via the following methods:",
      `${ESC}[1m${ESC}[34mHTTP${ESC}[0m: ${ESC}[4mhttp://myapp.tunnels.example.com${ESC}[0m`,
      `${ESC}[1m${ESC}[34mHTTPS${ESC}[0m: ${ESC}[4mhttps://myapp.tunnels.example.com${ESC}[0m`,
    ].join("\n");
    expect(events("other", text)).toEqual([{ kind: "url", url: "https://myapp.tunnels.example.com" }]);
  });

  it("uses HTTP when the server offers no HTTPS", () => {
    expect(events("other", "HTTP: http://myapp.tunnels.example.com:8080")).toEqual([
      { kind: "url", url: "http://myapp.tunnels.example.com:8080" },
    ]);
  });
});

describe("plain sshd (the OpenSSH client's own lines)", () => {
  it("reads the allocated port, the login and a refused forward", () => {
    const text = [
      "Warning: Permanently added '[127.0.0.1]:2222' (ED25519) to the list of known hosts.",
      'Authenticated to 127.0.0.1 ([127.0.0.1]:2222) using "publickey".',
      "Allocated port 41237 for remote forward to 127.0.0.1:8080",
      "Error: remote port forwarding failed for listen port 80",
    ].join("\n");
    expect(events("other", text)).toEqual([
      { kind: "authenticated" },
      { kind: "allocated", port: 41237 },
      { kind: "refused", message: "Error: remote port forwarding failed for listen port 80" },
    ]);
  });
});

describe("failure hints", () => {
  const at = { host: "localhost.run", port: 22 };
  it.each([
    ["Host key verification failed.", /ssh-keyscan -p 22 localhost.run/],
    ["nokey@localhost.run: Permission denied (publickey).", /check "ssh-user"/],
    ["ssh: Could not resolve hostname nowhere: Name or service not known", /does not resolve/],
    ["ssh: connect to host x port 22: Connection refused", /Nothing answered SSH at localhost.run:22/],
    ["Error: remote port forwarding failed for listen port 80", /may be taken or not allowed/],
    ["Allocated port 4000 for remote forward to 127.0.0.1:1", /set "ssh-url"/],
    ['Load key "/tmp/k": invalid format', /could not be read as a private key/],
    ["something else entirely", /try another service/],
  ])("%s", (line, hint) => {
    expect(sshFailureHint([line], at)).toMatch(hint);
  });
});

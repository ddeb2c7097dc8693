import type { SshService } from "./settings.js";
/**
 * What SSH tunnel services print, as events: the public URL (localhost.run, pinggy, serveo,
 * sish), the port a plain sshd allocated, a successful login, a refused forward. Pure: fed
 * lines (ANSI already stripped by output.ts), so every service's output has a unit test.
 */

export type SshEvent =
  | { readonly kind: "url"; readonly url: string }
  | { readonly kind: "allocated"; readonly port: number }
  | { readonly kind: "authenticated" }
  | { readonly kind: "refused"; readonly message: string };

export interface SshOutputParser {
  /** One line of output; returns what it means, if anything. */
  line(line: string): SshEvent | undefined;
  /** End of a chunk of output: returns an http:// URL held back in case https:// followed. */
  flush(): SshEvent | undefined;
}

const HTTP_URL = /\bhttps?:\/\/[A-Za-z0-9._~:%-]+(?::\d+)?(?:\/[^\s"'<>]*)?/;

function url(text: string): string | undefined {
  const match = HTTP_URL.exec(text)?.[0];
  if (match === undefined) return undefined;
  try {
    const parsed = new URL(match);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

function json(line: string): Record<string, unknown> | undefined {
  if (!line.trimStart().startsWith("{")) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const firstLine = (text: string): string => text.split(/\r?\n/)[0]?.trim() ?? "";

/** Lines every OpenSSH client prints, whatever the server. */
export function clientEvent(line: string): SshEvent | undefined {
  const allocated = /^Allocated port (\d+) for remote forward/.exec(line);
  if (allocated) return { kind: "allocated", port: Number(allocated[1]) };
  if (/^Authenticated to \S+/.test(line)) return { kind: "authenticated" };
  const refused = /^(?:Error|Warning): remote port forwarding failed for listen port (\d+)/.exec(line);
  if (refused) return { kind: "refused", message: line };
  return undefined;
}

/**
 * localhost.run with `-- --output json`: one JSON event per line. Two shapes are in use:
 * {"event":"tcpip-forward","address":"x.lhr.life","authz_code":"OK","message":...} and
 * CloudEvents {"type":"v1.tcpip_forward.register.accepted","id":"localhost/x.lhr.life","data":...}.
 * Without JSON it prints "x.lhr.life tunneled with tls termination, https://x.lhr.life".
 */
export function localhostRunEvent(line: string): SshEvent | undefined {
  const event = json(line);
  if (event) {
    const type = str(event.type) ?? "";
    if (type.startsWith("v1.tcpip_forward.register.")) {
      const data = str(event.data) ?? "";
      if (type.endsWith(".accepted")) {
        const found = url(data) ?? hostUrl(str(event.id)?.split("/").pop());
        return found ? { kind: "url", url: found } : undefined;
      }
      return { kind: "refused", message: firstLine(data) || type };
    }
    if (str(event.event) === "tcpip-forward") {
      const authz = str(event.authz_code);
      const message = str(event.message) ?? "";
      if (authz !== undefined && authz !== "OK")
        return { kind: "refused", message: firstLine(message) || authz };
      const found = hostUrl(str(event.address)) ?? url(message);
      return found ? { kind: "url", url: found } : undefined;
    }
    return undefined;
  }
  const plain = /tunneled with tls termination, (https:\/\/\S+)/.exec(line);
  if (plain?.[1]) {
    const found = url(plain[1]);
    return found ? { kind: "url", url: found } : undefined;
  }
  return undefined;
}

function hostUrl(host: string | undefined): string | undefined {
  if (host === undefined || !/^[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(host)) return undefined;
  return `https://${host.toLowerCase()}`;
}

/** serveo: "Forwarding HTTP traffic from https://abc.serveo.net". */
export function serveoEvent(line: string): SshEvent | undefined {
  const match = /Forwarding HTTP traffic from (\S+)/.exec(line);
  const found = match?.[1] ? url(match[1]) : undefined;
  return found ? { kind: "url", url: found } : undefined;
}

/**
 * A parser for one service. pinggy prints "You can access local server via following
 * URL(s):" then an http:// and an https:// line; sish prints "HTTP: http://..." and
 * "HTTPS: https://...". https is preferred; a lone http:// URL counts at the chunk's end.
 */
export function sshOutputParser(service: SshService): SshOutputParser {
  let heldHttp: string | undefined;
  let pinggyList = false;
  const offer = (found: string | undefined): SshEvent | undefined => {
    if (found === undefined) return undefined;
    if (found.startsWith("https://")) {
      heldHttp = undefined;
      return { kind: "url", url: found };
    }
    heldHttp ??= found;
    return undefined;
  };
  const serviceEvent = (line: string): SshEvent | undefined => {
    switch (service) {
      case "localhost.run":
        return localhostRunEvent(line);
      case "serveo":
        return serveoEvent(line);
      case "pinggy": {
        if (/access local server via following URL/i.test(line)) {
          pinggyList = true;
          return undefined;
        }
        const urls = json(line)?.urls;
        if (Array.isArray(urls)) {
          const all = urls.map((u) => (typeof u === "string" ? url(u) : undefined));
          return offer(all.find((u) => u?.startsWith("https://")) ?? all.find((u) => u !== undefined));
        }
        return pinggyList && /^\s*https?:\/\/\S+\s*$/.test(line) ? offer(url(line)) : undefined;
      }
      case "other": {
        const sish = /^\s*(HTTPS?):\s*(https?:\/\/\S+)/.exec(line);
        return sish?.[2] ? offer(url(sish[2])) : undefined;
      }
    }
  };
  return {
    line(line) {
      return clientEvent(line) ?? serviceEvent(line);
    },
    flush() {
      const held = heldHttp;
      heldHttp = undefined;
      return held === undefined ? undefined : { kind: "url", url: held };
    },
  };
}

/** A hint for what to try, from what ssh printed before it failed. */
export function sshFailureHint(lines: readonly string[], context: { host: string; port: number }): string {
  const text = lines.join("\n");
  const { host, port } = context;
  if (
    /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|No \S+ host key is known/.test(text)
  ) {
    return `The server's host key does not match "ssh-known-hosts". Check the lines with "ssh-keyscan -p ${port} ${host}", or leave ssh-known-hosts empty to accept the key on first use.`;
  }
  if (/Permission denied|Too many authentication failures/.test(text)) {
    return 'The server refused the login: check "ssh-user" and that the public half of "ssh-key" is authorised on the server.';
  }
  if (/Could not resolve hostname|Name or service not known|nodename nor servname/.test(text)) {
    return `"${host}" does not resolve: check "ssh-host" and the runner's network.`;
  }
  if (/Connection refused|Connection timed out|Network is unreachable|No route to host/.test(text)) {
    return `Nothing answered SSH at ${host}:${port}: check "ssh-host" and "ssh-port", and whether the service is up.`;
  }
  if (/remote port forwarding failed/.test(text)) {
    return 'The server refused the remote forward: the port in "ssh-remote" may be taken or not allowed (try "0"), or the server forbids forwarding (AllowTcpForwarding).';
  }
  if (/Allocated port \d+ for remote forward/.test(text)) {
    return 'This server only printed the port it allocated: set "ssh-url" to the URL template for it, e.g. "http://<server>:{port}".';
  }
  if (/invalid format|Load key .*: (?:invalid|error)/i.test(text)) {
    return '"ssh-key" could not be read as a private key: give its whole text, including the BEGIN and END lines.';
  }
  return 'Check "ssh-host", "ssh-port" and "ssh-user", or try another service (e.g. provider: cloudflared).';
}

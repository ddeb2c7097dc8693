/**
 * Client authentication at the token endpoint: client_secret_basic (RFC 6749 section 2.3.1,
 * with the form-urlencoding of id and secret that section asks for) or client_secret_post,
 * exactly one of them, secrets compared in constant time.
 */
import type { IncomingMessage } from "node:http";
import { single } from "./http.js";
import { constantTimeEqual } from "./secrets.js";
import type { IdpClient } from "./types.js";

export type ClientAuthResult =
  | { readonly ok: true; readonly client: IdpClient }
  | {
      readonly ok: false;
      readonly status: number;
      readonly error: "invalid_client" | "invalid_request";
      readonly description: string;
      readonly headers: Record<string, string>;
    };

// RFC 6749 section 5.2: a failed Authorization-header authentication answers 401 with the
// scheme the client should use. Sent for a missing authentication too, to say what works.
const CHALLENGE = { "www-authenticate": 'Basic realm="preview-tunnel idp", charset="UTF-8"' };

function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    return undefined;
  }
}

function parseBasic(header: string): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return undefined;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  return id === undefined || secret === undefined ? undefined : { id, secret };
}

export function authenticateClient(
  req: IncomingMessage,
  form: URLSearchParams,
  clients: ReadonlyMap<string, IdpClient>,
): ClientAuthResult {
  const invalid = (description: string, basic: boolean): ClientAuthResult => ({
    ok: false,
    status: 401,
    error: "invalid_client",
    description,
    headers: basic ? CHALLENGE : {},
  });
  const header = req.headers.authorization;
  const bodyId = single(form, "client_id");
  const bodySecret = single(form, "client_secret");
  if (bodyId === null || bodySecret === null) {
    return {
      ok: false,
      status: 400,
      error: "invalid_request",
      description: "client credentials repeated",
      headers: {},
    };
  }

  if (header !== undefined) {
    // RFC 6749 section 2.3: a client MUST NOT use more than one authentication method.
    if (bodySecret !== undefined) {
      return {
        ok: false,
        status: 400,
        error: "invalid_request",
        description:
          "use one client authentication method: client_secret_basic or client_secret_post, not both",
        headers: {},
      };
    }
    const credentials = parseBasic(header);
    if (!credentials) return invalid("the Authorization header is not valid HTTP Basic credentials", true);
    if (bodyId !== undefined && bodyId !== credentials.id) {
      return invalid("client_id in the body differs from the one in the Authorization header", true);
    }
    const client = clients.get(credentials.id);
    if (!client || !constantTimeEqual(credentials.secret, client.clientSecret)) {
      return invalid("client authentication failed (unknown client or wrong secret)", true);
    }
    return { ok: true, client };
  }

  if (bodySecret !== undefined) {
    if (bodyId === undefined) return invalid("client_secret_post needs client_id in the body", false);
    const client = clients.get(bodyId);
    if (!client || !constantTimeEqual(bodySecret, client.clientSecret)) {
      return invalid("client authentication failed (unknown client or wrong secret)", false);
    }
    return { ok: true, client };
  }
  return invalid(
    "client authentication required: client_secret_basic (Authorization header) or client_secret_post",
    true,
  );
}

/**
 * RP-initiated logout (end_session_endpoint). The provider keeps no login session (every
 * sign-in is fresh), so there is nothing to end here: what matters is that the browser is
 * only sent back to a post_logout_redirect_uri registered for the client, compared exactly.
 */
import type { ServerResponse } from "node:http";
import type { IdpContext } from "./context.js";
import { errorPage, loggedOutPage } from "./html.js";
import { sendHtml, sendRedirect, single } from "./http.js";

async function hintedClient(ctx: IdpContext, hint: string): Promise<string | undefined> {
  try {
    // Signature only: a hint is typically an id_token that has expired by logout time.
    const claims = await (await ctx.keys()).verifySignature(hint);
    if (claims.iss !== ctx.issuer()) return undefined;
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    return typeof aud === "string" ? aud : undefined;
  } catch {
    return undefined;
  }
}

export async function logout(ctx: IdpContext, res: ServerResponse, params: URLSearchParams): Promise<void> {
  const refuse = (message: string) => {
    ctx.logger.warning(`idp: logout refused: ${message}`);
    sendHtml(res, 400, errorPage("Logout refused", message));
  };
  const hint = single(params, "id_token_hint");
  const clientIdParam = single(params, "client_id");
  const target = single(params, "post_logout_redirect_uri");
  if (hint === null || clientIdParam === null || target === null) {
    return refuse("A parameter is given more than once.");
  }
  let clientId = clientIdParam;
  if (hint !== undefined) {
    const hinted = await hintedClient(ctx, hint);
    if (hinted === undefined) return refuse("id_token_hint is not an id_token this provider issued.");
    if (clientId !== undefined && clientId !== hinted)
      return refuse("client_id differs from the id_token_hint's audience.");
    clientId = hinted;
  }
  if (target === undefined) {
    sendHtml(res, 200, loggedOutPage());
    return;
  }
  if (clientId === undefined)
    return refuse("post_logout_redirect_uri needs an id_token_hint or a client_id.");
  const client = ctx.clients.get(clientId);
  if (!client) return refuse(`No client with client_id "${clientId}" is registered.`);
  if (!(client.postLogoutRedirectUris ?? []).includes(target)) {
    const registered = (client.postLogoutRedirectUris ?? []).map((u) => `"${u}"`).join(", ") || "none";
    return refuse(
      `post_logout_redirect_uri "${target}" is not registered for client "${clientId}". Registered (compared exactly): ${registered}.`,
    );
  }
  const url = new URL(target);
  const state = params.get("state");
  if (state !== null) url.searchParams.append("state", state);
  sendRedirect(res, url.href);
}

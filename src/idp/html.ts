/**
 * The provider's pages: the login page and the error pages. Everything shown comes from
 * configuration or the request, so all of it is escaped.
 */
import { escapeHtml } from "../util/html.js";
import type { IdpUser } from "./types.js";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2328}
button{font:inherit;padding:.5rem 1rem;margin:.25rem 0;width:100%;text-align:left;cursor:pointer}
.deny{text-align:center}.muted{color:#59636e;font-size:.9rem}code{word-break:break-all}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${body}
</body>
</html>
`;
}

export interface LoginPageModel {
  /** Identifies the pending authorization request the form answers. */
  readonly interaction: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly users: readonly IdpUser[];
  /** Shown above the list, e.g. when `login_hint` matched no user. */
  readonly notice?: string;
}

export function loginPage(model: LoginPageModel): string {
  const hidden = `<input type="hidden" name="interaction" value="${escapeHtml(model.interaction)}">`;
  const users = model.users
    .map((user) => {
      const label = user.name ?? user.sub;
      const detail = [user.email, `sub: ${user.sub}`].filter((x) => x !== undefined).join(" · ");
      return `<button type="submit" name="user" value="${escapeHtml(user.sub)}"><strong>${escapeHtml(label)}</strong><br><span class="muted">${escapeHtml(detail)}</span></button>`;
    })
    .join("\n");
  const notice = model.notice ? `<p><strong>${escapeHtml(model.notice)}</strong></p>` : "";
  return page(
    "Sign in - preview-tunnel test identity provider",
    `<h1>Sign in</h1>
<p><code>${escapeHtml(model.clientId)}</code> asks for: <code>${escapeHtml(model.scopes.join(" "))}</code>.
After you choose, the browser returns to <code>${escapeHtml(model.redirectUri)}</code>.</p>
${notice}
<form method="post" action="login">
${hidden}
${users}
<button type="submit" name="deny" value="1" class="deny">Deny</button>
</form>
<p class="muted">Test users of this preview (preview-tunnel's test identity provider); no password needed.
Scripted runs sign in with <code>login_hint=&lt;sub or email&gt;</code> and refuse with <code>login_hint=deny</code>.</p>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(
    `${title} - preview-tunnel test identity provider`,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p class="muted">preview-tunnel's test identity provider does not send the browser back to an
unregistered or unverified address, as real providers do not.</p>`,
  );
}

export function loggedOutPage(): string {
  return page("Signed out - preview-tunnel test identity provider", "<h1>You are signed out.</h1>");
}

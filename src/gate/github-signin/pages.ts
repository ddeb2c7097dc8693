/**
 * The sign-in's HTML pages. No inline script or style (the CSP forbids both): behaviour and
 * looks come from signin.js and signin.css, and data for the script from data- attributes.
 * Everything that comes from configuration, GitHub or the request is escaped.
 */
import { escapeHtml } from "../../util/html.js";
import { assetUrl } from "./assets.js";
import type { FlowFailure } from "./flows.js";
import { CONTINUE_PATH, LOGOUT_PATH, START_PATH, STATUS_PATH } from "./paths.js";

export interface PageContext {
  /** "owner/name". */
  readonly repo: string;
  /** Who may open the preview, in words. */
  readonly allowed: string;
}

function page(title: string, context: PageContext, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} · preview of ${escapeHtml(context.repo)}</title>
<link rel="stylesheet" href="${escapeHtml(assetUrl("css"))}">
</head>
<body>
<main>
<p class="context">Preview of <strong>${escapeHtml(context.repo)}</strong></p>
${body}
</main>
</body>
</html>
`;
}

const withTo = (path: string, to: string) => `${path}?to=${encodeURIComponent(to)}`;

function startForm(to: string, label: string, primary = true): string {
  return `<form method="post" action="${escapeHtml(withTo(START_PATH, to))}">
<button class="button${primary ? " primary" : ""} wide" type="submit">${escapeHtml(label)}</button>
</form>`;
}

/** Shown (401) for a page of the preview to a browser without a session. */
export function startPage(context: PageContext, to: string, notice?: string): string {
  const note = notice ? `<p class="status error" role="alert">${escapeHtml(notice)}</p>\n` : "";
  return page(
    "Sign in",
    context,
    `<h1>Sign in to open this preview</h1>
${note}<p>This preview is open to ${escapeHtml(context.allowed)}. Sign in with your GitHub account to continue.</p>
${startForm(to, "Sign in with GitHub")}
<p class="muted">GitHub shows the preview your login only. Your GitHub token is used once to check your access, then dropped.
Scripts can send <code>Authorization: Bearer $(gh auth token)</code> instead.</p>`,
  );
}

export interface CodePageModel {
  readonly userCode: string;
  readonly verificationUri: string;
  readonly to: string;
  readonly minutesLeft: number;
  /** How the sign-in stands when the page is drawn (a reload shows it as it is). */
  readonly state:
    | { readonly kind: "pending" }
    | { readonly kind: "done"; readonly login: string; readonly refused: string | undefined }
    | { readonly kind: "failed"; readonly code: FlowFailure; readonly detail: string };
}

/** The code to enter at GitHub, a link there, and the live waiting state (signin.js). */
export function codePage(context: PageContext, model: CodePageModel): string {
  const { state } = model;
  const shown = new URL(model.verificationUri);
  const linkText = `${shown.host}${shown.pathname}`;
  const failed = state.kind === "failed" ? failureText(state.code, state.detail) : undefined;
  const login = state.kind === "done" ? state.login : "";
  const refused = state.kind === "done" && state.refused ? state.refused : "";
  return page(
    "Sign in",
    context,
    `<div id="signin" data-state="${state.kind}" data-status-url="${STATUS_PATH}">
<h1>Sign in with GitHub</h1>
<ol id="steps" class="steps${state.kind === "pending" ? "" : " ended"}">
<li><p>Copy this code:</p>
<div class="code-row"><output id="user-code" class="code">${escapeHtml(model.userCode)}</output><button type="button" id="copy" class="button" data-code="${escapeHtml(model.userCode)}">Copy</button></div></li>
<li><p>Enter it at GitHub and approve:</p>
<a id="open-github" class="button wide" href="${escapeHtml(model.verificationUri)}" target="_blank" rel="noopener noreferrer">Open ${escapeHtml(linkText)} <span aria-hidden="true">↗</span></a></li>
</ol>
<div id="state-pending" class="status" role="status"${state.kind === "pending" ? "" : " hidden"}><span class="spinner" aria-hidden="true"></span><span>Waiting for approval at GitHub…</span></div>
<div id="state-done" class="status ok" role="status"${state.kind === "done" ? "" : " hidden"}><span>Signed in as <strong id="login">${escapeHtml(login)}</strong>.<span id="refused"${refused ? "" : " hidden"}> This account cannot open the preview: <span id="refused-reason">${escapeHtml(refused)}</span>.</span></span></div>
<div id="state-failed" class="status error" role="alert"${failed ? "" : " hidden"}><span><strong id="failure-title">${escapeHtml(failed?.title ?? "")}</strong> <span id="failure-text">${escapeHtml(failed?.text ?? "")}</span></span></div>
<a id="continue" class="button primary wide" href="${escapeHtml(withTo(CONTINUE_PATH, model.to))}"${failed ? " hidden" : ""}>Continue</a>
<div id="retry"${failed ? "" : " hidden"}>${startForm(model.to, "Get a new code")}</div>
<p id="hint" class="muted"${state.kind === "pending" ? "" : " hidden"}>The code is valid for ${Math.max(1, Math.round(model.minutesLeft))} more minutes. This page follows your approval by itself.</p>
</div>
<script src="${escapeHtml(assetUrl("js"))}" defer></script>`,
  );
}

/** 403 for someone signed in without access: who they are, why, and a way out. */
export function deniedPage(context: PageContext, login: string, reason: string): string {
  return page(
    "Access refused",
    context,
    `<h1>You can't open this preview</h1>
<p>You are signed in with GitHub as <strong>${escapeHtml(login)}</strong>.</p>
<p class="status error" role="alert">Refused: ${escapeHtml(reason)}.</p>
<form method="post" action="${LOGOUT_PATH}"><button id="sign-out" class="button wide" type="submit">Sign out</button></form>
<p class="muted">Sign out to use another GitHub account, or ask a maintainer of ${escapeHtml(context.repo)} for access.</p>`,
  );
}

/** 503 when GitHub cannot be asked: nobody gets in, and the visitor is told so. */
export function unavailablePage(context: PageContext, reason: string, retry: string): string {
  return page(
    "GitHub unreachable",
    context,
    `<h1>GitHub can't be reached</h1>
<p>This preview checks who you are with GitHub, and could not ask it (${escapeHtml(reason)}).</p>
<p>Nobody is let in until it does.</p>
<a class="button primary wide" href="${escapeHtml(retry)}">Try again</a>`,
  );
}

/** A sign-in that could not start or finish, with a way to try again. */
export function failurePage(context: PageContext, code: FlowFailure, detail: string, to: string): string {
  const { title, text } = failureText(code, detail);
  return page(
    title,
    context,
    `<h1>${escapeHtml(title)}</h1>
<p class="status error" role="alert">${escapeHtml(text)}</p>
${startForm(to, "Try again")}`,
  );
}

export function signOutPage(context: PageContext, login: string): string {
  return page(
    "Sign out",
    context,
    `<h1>Sign out of this preview?</h1>
<p>You are signed in with GitHub as <strong>${escapeHtml(login)}</strong>.</p>
<form method="post" action="${LOGOUT_PATH}"><button id="sign-out" class="button primary wide" type="submit">Sign out</button></form>`,
  );
}

export function signedOutPage(context: PageContext): string {
  return page(
    "Signed out",
    context,
    `<h1>You are signed out</h1>
<p>This browser no longer has access to the preview.</p>
<a class="button wide" href="/">Sign in again</a>`,
  );
}

/** A short page for a refused form post (another site's, or a stale one). */
export function refusedPostPage(context: PageContext, message: string): string {
  return page("Request refused", context, `<h1>Request refused</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** What a failure means for the visitor, and what to do. */
export function failureText(code: FlowFailure, detail: string): { title: string; text: string } {
  switch (code) {
    case "expired_token":
      return {
        title: "The code expired.",
        text: "It was not approved in time. Get a new code to try again.",
      };
    case "access_denied":
      return {
        title: "Sign-in cancelled.",
        text: "It was cancelled at GitHub. Get a new code to try again.",
      };
    case "device_flow_disabled":
      return {
        title: "Device sign-in is turned off.",
        text: 'The GitHub app this preview signs in with does not allow device flow. Whoever manages the app must tick "Enable Device Flow" in its settings.',
      };
    case "incorrect_client_credentials":
      return {
        title: "GitHub does not know this app.",
        text: "GitHub does not recognise the client ID this preview signs in with (github-oauth-client-id). Check it against the app's settings.",
      };
    case "unsupported_grant_type":
    case "incorrect_device_code":
      return { title: "GitHub refused the sign-in.", text: `${detail}. Get a new code to try again.` };
    case "unreachable":
      return { title: "GitHub can't be reached.", text: `${detail}. Nobody is let in until it answers.` };
    case "unavailable":
      return {
        title: "GitHub can't be reached.",
        text: `Your sign-in was approved, but GitHub could not be asked about your access (${detail}).`,
      };
    case "abandoned":
      return {
        title: "The sign-in stopped.",
        text: "Nobody was watching it for a while, so the preview stopped waiting. Get a new code.",
      };
    default:
      return { title: "Sign-in failed.", text: `${detail}.` };
  }
}

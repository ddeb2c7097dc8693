/**
 * The sign-in page's script and style, served from the gate itself (/__preview/signin/...)
 * so the pages need no inline code and keep a strict CSP. Kept as strings here rather than
 * files because the action runs from one bundled file with nothing beside it to read.
 *
 * The script copies the code, and follows the sign-in by asking the gate (never GitHub)
 * for its status until GitHub approved or refused it; then it enables Continue, or shows
 * what went wrong and the button for a new code. Without it the page still works: Continue
 * then leads back to this page until the sign-in is approved.
 */
import { createHash } from "node:crypto";
import { SCRIPT_PATH, STYLE_PATH } from "./paths.js";

export const SIGNIN_JS = `"use strict";
(() => {
  const root = document.getElementById("signin");
  if (!root) return;
  const byId = (id) => document.getElementById(id);
  const copy = byId("copy");
  if (copy) {
    copy.addEventListener("click", () => {
      const code = copy.getAttribute("data-code") || "";
      const done = () => {
        copy.textContent = "Copied";
        setTimeout(() => { copy.textContent = "Copy"; }, 2000);
      };
      const select = () => {
        const range = document.createRange();
        range.selectNodeContents(byId("user-code"));
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(code).then(done, select);
      } else {
        select();
      }
    });
  }
  if (root.getAttribute("data-state") !== "pending") return;
  const statusUrl = root.getAttribute("data-status-url");
  const next = byId("continue");
  next.setAttribute("aria-disabled", "true");
  next.tabIndex = -1;
  const show = (id) => {
    for (const other of ["state-pending", "state-done", "state-failed"]) byId(other).hidden = other !== id;
  };
  let delay = 1000;
  let timer;
  let settled = false;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(poll, delay);
  };
  const settle = (status) => {
    if (status.state === "pending") return later();
    settled = true;
    byId("steps").classList.add("ended");
    byId("hint").hidden = true;
    if (status.state === "done") {
      show("state-done");
      byId("login").textContent = status.login;
      if (!status.allowed) {
        byId("refused-reason").textContent = status.reason;
        byId("refused").hidden = false;
      }
      next.removeAttribute("aria-disabled");
      next.tabIndex = 0;
      next.focus();
      return;
    }
    show("state-failed");
    byId("failure-title").textContent = status.title || "Sign-in failed.";
    byId("failure-text").textContent = status.text || "";
    next.hidden = true;
    byId("retry").hidden = false;
  };
  function poll() {
    fetch(statusUrl, { credentials: "same-origin", cache: "no-store", headers: { accept: "application/json" } })
      .then((response) => response.json())
      .then(settle, () => {
        // The gate did not answer (a network hiccup): keep asking, less often.
        delay = Math.min(delay * 2, 10000);
        later();
      });
  }
  // Back from GitHub's tab: ask at once rather than at the next tick.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && !settled) {
      clearTimeout(timer);
      poll();
    }
  });
  later();
})();
`;

export const SIGNIN_CSS = `:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #f6f8fa; --card: #ffffff; --border: #d1d9e0;
  --accent: #1f883d; --accent-hover: #1a7f37; --accent-fg: #ffffff; --link: #0969da;
  --ok-bg: #dafbe1; --ok-fg: #116329; --error-bg: #ffebe9; --error-fg: #a40e26;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #f0f6fc; --muted: #9198a1; --bg: #0d1117; --card: #151b23; --border: #3d444d;
    --accent: #238636; --accent-hover: #29903b; --link: #4493f8;
    --ok-bg: #12261e; --ok-fg: #3fb950; --error-bg: #25171c; --error-fg: #ff7b72;
  }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body {
  margin: 0; min-height: 100vh; display: flex; justify-content: center; align-items: flex-start;
  padding: 10vh 1rem 2rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
}
main {
  width: 100%; max-width: 30rem; background: var(--card); border: 1px solid var(--border);
  border-radius: 12px; padding: 2rem; box-shadow: 0 1px 3px rgba(31, 35, 40, 0.08);
}
.context { margin: 0 0 1.25rem; font-size: 0.875rem; color: var(--muted); }
.context strong { color: var(--fg); font-weight: 600; }
h1 { margin: 0 0 1rem; font-size: 1.5rem; line-height: 1.25; font-weight: 600; }
p { margin: 0.5rem 0 1rem; }
.muted { margin-top: 1.5rem; font-size: 0.8125rem; color: var(--muted); }
code { font: 0.85em ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; background: var(--bg); padding: 0.1em 0.35em; border-radius: 4px; }
ol.steps { margin: 0 0 1rem; padding-left: 1.25rem; }
ol.steps li { margin-bottom: 1rem; }
ol.steps li p { margin: 0 0 0.5rem; }
ol.steps.ended { opacity: 0.5; }
.code-row { display: flex; gap: 0.5rem; align-items: stretch; }
.code {
  flex: 1; display: flex; align-items: center; justify-content: center; padding: 0.5rem 0.75rem;
  font: 600 1.75rem/1.2 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace;
  letter-spacing: 0.12em; border: 1px dashed var(--border); border-radius: 8px; background: var(--bg);
  user-select: all;
}
.button {
  display: inline-flex; align-items: center; justify-content: center; gap: 0.5rem;
  padding: 0.625rem 1rem; border: 1px solid var(--border); border-radius: 6px;
  background: var(--bg); color: var(--fg); font: inherit; font-weight: 600; text-decoration: none; cursor: pointer;
}
.button:hover { border-color: var(--muted); }
.button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
.button.primary:hover { background: var(--accent-hover); }
.button.wide { width: 100%; }
.button[aria-disabled="true"] { opacity: 0.45; pointer-events: none; }
form { margin: 0; }
.status {
  display: flex; align-items: center; gap: 0.625rem; margin: 0 0 1rem; padding: 0.75rem 1rem;
  border-radius: 8px; background: var(--bg); border: 1px solid var(--border);
}
.status.ok { background: var(--ok-bg); color: var(--ok-fg); border-color: transparent; }
.status.error { background: var(--error-bg); color: var(--error-fg); border-color: transparent; }
.spinner {
  flex: none; width: 1rem; height: 1rem; border: 2px solid var(--border); border-top-color: var(--link);
  border-radius: 50%; animation: spin 0.9s linear infinite;
}
@keyframes spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation: none; } }
`;

let versions: { js: string; css: string } | undefined;

/** The asset's path with a content hash, so browsers may cache it and never see a stale one. */
export function assetUrl(kind: "js" | "css"): string {
  versions ??= {
    js: createHash("sha256").update(SIGNIN_JS).digest("hex").slice(0, 12),
    css: createHash("sha256").update(SIGNIN_CSS).digest("hex").slice(0, 12),
  };
  return `${kind === "js" ? SCRIPT_PATH : STYLE_PATH}?v=${versions[kind]}`;
}

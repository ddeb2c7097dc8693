/**
 * The inspector page: a static HTML shell (no data in it: the script fills it in from the
 * JSON routes, as text) and its script and style, compiled from ./page/ by esbuild at build
 * time and embedded in the bundle (scripts/inspector-page.mjs says why). Served from the gate
 * under a strict CSP: no inline code, nothing from another origin.
 */
import { createHash } from "node:crypto";
import { css, js } from "virtual:inspector-page";
import { INSPECT_PATH } from "./protocol.js";

export const SCRIPT_PATH = `${INSPECT_PATH}/app.js`;
export const STYLE_PATH = `${INSPECT_PATH}/app.css`;
export const ICON_PATH = `${INSPECT_PATH}/icon.svg`;

/** The tab's icon (a browser asks /favicon.ico of the app otherwise, which would be listed). */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0969da"/><path d="M8 10h16M8 16h11M8 22h7" stroke="#fff" stroke-width="3" stroke-linecap="round"/><circle cx="23" cy="22" r="3.5" fill="none" stroke="#fff" stroke-width="2.5"/></svg>`;

interface Asset {
  readonly body: Buffer;
  /** The URL with a content hash, so browsers may cache it and never see a stale one. */
  readonly url: string;
}

interface Assets {
  readonly js: Asset;
  readonly css: Asset;
  readonly icon: Asset;
  readonly html: string;
}

let assets: Assets | undefined;

function asset(text: string, path: string): Asset {
  const body = Buffer.from(text, "utf8");
  return { body, url: `${path}?v=${createHash("sha256").update(body).digest("hex").slice(0, 12)}` };
}

/** Made on first use (nothing is done on import). */
export function pageAssets(): Assets {
  if (assets === undefined) {
    const script = asset(js, SCRIPT_PATH);
    const style = asset(css, STYLE_PATH);
    const icon = asset(ICON, ICON_PATH);
    assets = { js: script, css: style, icon, html: shell(script.url, style.url, icon.url) };
  }
  return assets;
}

function shell(scriptUrl: string, styleUrl: string, iconUrl: string): string {
  const classes = [
    ["", "All"],
    ["2xx", "2xx"],
    ["3xx", "3xx"],
    ["4xx", "4xx"],
    ["5xx", "5xx"],
  ]
    .map(
      ([value, label]) =>
        `<button type="button" data-class="${value}" aria-pressed="${value === "" ? "true" : "false"}">${label}</button>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Requests · preview inspector</title>
<link rel="icon" type="image/svg+xml" href="${iconUrl}">
<link rel="stylesheet" href="${styleUrl}">
<script src="${scriptUrl}" defer></script>
</head>
<body>
<header class="topbar" id="app" data-base="${INSPECT_PATH}">
  <div class="brand"><h1>Requests</h1><span id="count" class="count">0</span><span class="sub">through this preview, live</span></div>
  <div class="tools">
    <input id="filter" type="search" placeholder="Filter: POST 4xx /hooks text…  (press /)" aria-label="Filter requests" autocomplete="off" spellcheck="false">
    <div class="classes" role="group" aria-label="Status class">${classes}</div>
    <a id="download" class="button" href="${INSPECT_PATH}/har" download="preview-requests.har">Download HAR</a>
    <span id="conn" class="conn" data-state="connecting" role="status"><span class="dot"></span><span id="conn-text">Connecting…</span></span>
  </div>
</header>
<main class="layout">
  <section class="list" aria-label="Requests">
    <table id="requests" class="requests">
      <thead><tr><th>Time</th><th>Method</th><th>Path</th><th>Status</th><th class="num">Duration</th><th class="num">Size</th><th class="client">Client</th></tr></thead>
      <tbody id="rows"></tbody>
    </table>
    <p id="empty" class="empty">No requests yet. They show up here as they reach the preview.</p>
    <noscript><p>The live list needs JavaScript. The recording can still be downloaded: <a href="${INSPECT_PATH}/har">Download HAR</a>.</p></noscript>
  </section>
  <section id="detail" class="detail" aria-label="Request detail" hidden></section>
</main>
</body>
</html>
`;
}

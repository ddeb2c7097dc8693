/**
 * The detail view of one exchange: overview, timing, replay (with an editor), copy as curl,
 * and request and response with their headers and bodies. Built with el() only: every value
 * is text.
 */
import type { ExchangeDetail, ExchangeSummary, NameValue, RecordedBody, ReplayOutcome } from "../protocol.js";
import { clear, el, setText, textNodes } from "./dom.js";
import {
  controlParts,
  formatBody,
  formatBytes,
  formatClock,
  formatMs,
  statusClass,
  visible,
} from "./format.js";

export interface DetailActions {
  /** Shows another exchange (a link to the original or to a replay). */
  readonly select: (id: number) => void;
  readonly close: () => void;
  readonly replay: (id: number, edits: object) => Promise<ReplayOutcome>;
}

export function methodBadge(method: string): HTMLElement {
  return el("span", {
    class: `method m-${/^[A-Z]+$/.test(method) ? method.toLowerCase() : "other"}`,
    text: visible(method),
  });
}

export function statusBadge(status: number): HTMLElement {
  return el("span", {
    class: `status s-${statusClass(status)}`,
    text: status === 0 ? "—" : String(status),
    title: status === 0 ? "no response: the connection closed first" : "",
  });
}

export function webhookBadge(webhook: ExchangeSummary["webhook"]): HTMLElement | undefined {
  if (webhook === undefined) return undefined;
  return el("span", {
    class: `badge ${webhook.ok ? "ok" : "bad"}`,
    text: `${webhook.ok ? "✓" : "✗"} ${webhook.provider}`,
    title: webhook.ok
      ? `${webhook.provider} signature verified`
      : `${webhook.provider}: ${visible(webhook.reason ?? "rejected")}`,
  });
}

function idLink(id: number, actions: DetailActions): HTMLElement {
  const link = el("button", {
    class: "link",
    text: `#${id}`,
    attrs: { type: "button", "data-goto": String(id) },
  });
  link.addEventListener("click", () => actions.select(id));
  return link;
}

function headersTable(headers: readonly NameValue[] | undefined): HTMLElement {
  if (!headers || headers.length === 0) return el("p", { class: "muted", text: "No headers." });
  return el(
    "table",
    { class: "headers" },
    el(
      "tbody",
      {},
      ...headers.map((h) =>
        el("tr", {}, el("th", { text: visible(h.name) }), el("td", {}, ...textNodes(controlParts(h.value)))),
      ),
    ),
  );
}

function bodyView(body: RecordedBody | undefined, label: string): HTMLElement {
  const formatted = formatBody(body);
  const box = el("div", { class: "body" });
  if (formatted.kind === "empty" && formatted.notes.length === 0) {
    box.append(el("p", { class: "muted", text: `No ${label} body.` }));
    return box;
  }
  const head = el(
    "div",
    { class: "body-head" },
    el("span", { class: "kind", text: formatted.kind === "binary" ? "binary (hex)" : formatted.kind }),
    body
      ? el("span", {
          class: "muted",
          text: `${formatBytes(body.size)} · ${visible(body.mimeType || "no type")}`,
        })
      : undefined,
  );
  box.append(head);
  for (const note of formatted.notes) box.append(el("p", { class: "note", text: visible(note) }));
  if (formatted.kind === "empty") return box;
  const pre = el("pre", { class: "code" }, ...textNodes(controlParts(formatted.pretty)));
  if (formatted.pretty !== formatted.raw) {
    let raw = false;
    const toggle = el("button", { class: "small", text: "Raw", attrs: { type: "button" } });
    toggle.addEventListener("click", () => {
      raw = !raw;
      setText(pre, controlParts(raw ? formatted.raw : formatted.pretty));
      toggle.textContent = raw ? "Pretty" : "Raw";
    });
    head.append(toggle);
  }
  box.append(pre);
  return box;
}

function timingBar(detail: ExchangeDetail): HTMLElement | undefined {
  const t = detail.timings;
  if (!t) return undefined;
  const total = Math.max(t.send + t.wait + t.receive, 0.001);
  const part = (name: string, ms: number) => {
    const seg = el("span", { class: `seg ${name}`, title: `${name} ${formatMs(ms)}` });
    // Through the CSSOM, which the CSP allows (a style attribute it would refuse).
    seg.style.width = `${Math.max((ms / total) * 100, ms > 0 ? 1 : 0)}%`;
    return seg;
  };
  const bar = el(
    "div",
    { class: "bar" },
    part("send", t.send),
    part("wait", t.wait),
    part("receive", t.receive),
  );
  const legend = el(
    "div",
    { class: "legend" },
    el("span", { class: "key send" }),
    `send ${formatMs(t.send)}`,
    el("span", { class: "key wait" }),
    `waiting for the app ${formatMs(t.wait)}`,
    el("span", { class: "key receive" }),
    `receive ${formatMs(t.receive)}`,
  );
  return el("div", { class: "timing" }, bar, legend);
}

/** "Name: value" lines <-> pairs, for the replay editor. */
export function headerLines(headers: readonly NameValue[]): string {
  return headers.map((h) => `${h.name}: ${h.value}`).join("\n");
}

export function parseHeaderLines(text: string): [string, string][] | string {
  const pairs: [string, string][] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const colon = line.indexOf(":");
    if (colon < 1) return `line ${i + 1} is not "Name: value"`;
    pairs.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return pairs;
}

function replayPanel(detail: ExchangeDetail, actions: DetailActions): HTMLElement {
  const id = detail.summary.id;
  const result = el("p", { class: "result", attrs: { id: "replay-result", role: "status" } });
  const send = async (edits: object, button: HTMLButtonElement) => {
    button.disabled = true;
    result.className = "result";
    result.textContent = "Sending…";
    try {
      const outcome = await actions.replay(id, edits);
      clear(result);
      result.className = `result ${outcome.status < 400 ? "ok" : "bad"}`;
      result.append(
        `Replayed${outcome.signedAs ? ` (signed again as ${outcome.signedAs})` : ""}: `,
        statusBadge(outcome.status),
      );
      if (outcome.id !== undefined) result.append(" as ", idLink(outcome.id, actions));
    } catch (error) {
      result.className = "result bad";
      result.textContent = `Replay failed: ${(error as Error).message}`;
    } finally {
      button.disabled = false;
    }
  };

  const quick = el("button", {
    class: "button primary",
    text: "Replay",
    attrs: { type: "button", id: "replay" },
  });
  const editToggle = el("button", {
    class: "button",
    text: "Edit and replay",
    attrs: { type: "button", id: "replay-edit" },
  });
  const curlButton = el("button", {
    class: "button",
    text: "Copy as curl",
    attrs: { type: "button", id: "copy-curl" },
  });
  const row = el("div", { class: "actions" }, quick, editToggle, curlButton);
  const panel = el("section", { class: "card replay" }, row);

  if (detail.notReplayable) {
    quick.disabled = true;
    editToggle.disabled = true;
    panel.append(el("p", { class: "muted", text: `Replay is not offered: ${detail.notReplayable}.` }));
  } else if (detail.signsAs) {
    panel.append(
      el("p", {
        class: "muted",
        text: `A ${detail.signsAs} delivery: Replay signs it again with a fresh timestamp.`,
      }),
    );
  }
  quick.addEventListener("click", () => void send({}, quick));

  const editor = el("form", { class: "editor", attrs: { id: "replay-editor" } });
  editor.hidden = true;
  const headersArea = el("textarea", { attrs: { id: "edit-headers", rows: "8", spellcheck: "false" } });
  headersArea.value = headerLines(
    (detail.requestHeaders ?? []).filter(
      (h) => h.value !== "[redacted]" && !/^(host|content-length)$/i.test(h.name),
    ),
  );
  const bodyArea = el("textarea", { attrs: { id: "edit-body", rows: "8", spellcheck: "false" } });
  const body = detail.requestBody;
  const binary = body?.encoding === "base64";
  bodyArea.value = body?.text !== undefined && !binary ? body.text : "";
  if (binary) bodyArea.disabled = true;
  const sign = el("input", { attrs: { type: "checkbox", id: "edit-sign" } });
  sign.checked = true;
  const submit = el("button", { class: "button primary", text: "Send", attrs: { type: "submit" } });
  const cancel = el("button", { class: "button", text: "Cancel", attrs: { type: "button" } });
  editor.append(
    el("label", {
      text: "Headers (one “Name: value” a line; redacted ones are left out)",
      attrs: { for: "edit-headers" },
    }),
    headersArea,
    el("label", { text: binary ? "Body (binary: sent as recorded)" : "Body", attrs: { for: "edit-body" } }),
    bodyArea,
  );
  if (detail.signsAs)
    editor.append(
      el("label", { class: "check" }, sign, ` Sign again as ${detail.signsAs} (fresh timestamp)`),
    );
  editor.append(el("div", { class: "actions" }, submit, cancel));
  editor.addEventListener("submit", (event) => {
    event.preventDefault();
    const headers = parseHeaderLines(headersArea.value);
    if (typeof headers === "string") {
      result.className = "result bad";
      result.textContent = `Headers: ${headers}`;
      return;
    }
    const edits: Record<string, unknown> = { headers };
    if (!binary) edits.body = bodyArea.value;
    if (detail.signsAs) edits.sign = sign.checked;
    void send(edits, submit);
  });
  editToggle.addEventListener("click", () => {
    editor.hidden = !editor.hidden;
  });
  cancel.addEventListener("click", () => {
    editor.hidden = true;
  });

  const curl = el("pre", { class: "code curl", attrs: { id: "curl" }, text: visible(detail.curl ?? "") });
  curl.hidden = true;
  if (!detail.curl) curlButton.disabled = true;
  curlButton.addEventListener("click", () => {
    curl.hidden = false;
    const done = () => {
      curlButton.textContent = "Copied";
      window.setTimeout(() => {
        curlButton.textContent = "Copy as curl";
      }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(detail.curl ?? "").then(done, () => selectText(curl));
    } else selectText(curl);
  });
  panel.append(editor, result, curl);
  return panel;
}

function selectText(node: Node): void {
  const range = document.createRange();
  range.selectNodeContents(node);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function fact(label: string, ...value: (Node | string | undefined)[]): HTMLElement {
  return el("div", { class: "fact" }, el("dt", { text: label }), el("dd", {}, ...value));
}

function replayedAs(ids: readonly number[], actions: DetailActions): HTMLElement {
  const links = el("dd", { attrs: { id: "replayed-as" } });
  for (const id of ids) addLink(links, id, actions);
  const box = el("div", { class: "fact" }, el("dt", { text: "Replayed as" }), links);
  box.hidden = ids.length === 0;
  return box;
}

function addLink(links: HTMLElement, id: number, actions: DetailActions): void {
  if (links.querySelector(`[data-goto="${id}"]`)) return;
  if (links.childNodes.length > 0) links.append(", ");
  links.append(idLink(id, actions));
}

/** A replay of the exchange on view arrived: link it without redrawing the view. */
export function addReplayLink(root: HTMLElement, id: number, actions: DetailActions): void {
  const links = root.querySelector<HTMLElement>("#replayed-as");
  if (!links?.parentElement) return;
  addLink(links, id, actions);
  links.parentElement.hidden = false;
}

export function renderDetail(root: HTMLElement, detail: ExchangeDetail, actions: DetailActions): void {
  clear(root);
  const s = detail.summary;
  const close = el("button", {
    class: "close",
    text: "×",
    title: "Close",
    attrs: { type: "button", "aria-label": "Close" },
  });
  close.addEventListener("click", actions.close);
  root.append(
    el(
      "header",
      { class: "detail-head" },
      methodBadge(s.method),
      el("h2", { class: "path", text: visible(s.path), title: visible(detail.url ?? s.path) }),
      close,
    ),
  );
  const facts = el(
    "dl",
    { class: "facts" },
    fact("Status", statusBadge(s.status), detail.statusText ? ` ${visible(detail.statusText)}` : ""),
    fact("Duration", formatMs(s.durationMs)),
    fact("Started", formatClock(s.startedAt)),
    fact("Size", `${formatBytes(s.requestBytes)} sent · ${formatBytes(s.responseBytes)} received`),
    s.client ? fact("Client", visible(s.client)) : undefined,
    s.webhook
      ? fact(
          "Webhook",
          webhookBadge(s.webhook),
          s.webhook.ok ? " signature verified" : ` ${visible(s.webhook.reason ?? "rejected")}`,
        )
      : undefined,
    s.service ? fact("Service", visible(s.service)) : undefined,
    s.note ? fact("Gate", visible(s.note)) : undefined,
    s.replayOf !== undefined ? fact("Replay of", idLink(s.replayOf, actions)) : undefined,
    replayedAs(detail.replays, actions),
  );
  root.append(el("section", { class: "card" }, facts, timingBar(detail)));
  if (!detail.kept) {
    root.append(
      el("p", {
        class: "note",
        text: "Only the summary of this request is kept (older requests are dropped to save memory).",
      }),
    );
    return;
  }
  root.append(replayPanel(detail, actions));
  root.append(
    el(
      "section",
      { class: "card" },
      el("h3", { text: "Request" }),
      headersTable(detail.requestHeaders),
      bodyView(detail.requestBody, "request"),
    ),
    el(
      "section",
      { class: "card" },
      el("h3", { text: "Response" }),
      headersTable(detail.responseHeaders),
      bodyView(detail.responseBody, "response"),
    ),
  );
}

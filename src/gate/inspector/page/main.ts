/**
 * The inspector page: a live list of the requests through the preview (newest first), a
 * filter, and the detail view of the one selected. Served from the gate itself with a strict
 * CSP (no inline code, nothing from elsewhere); everything from a request is shown as text.
 */
import type { ExchangeDetail, ExchangeSummary, ReplayOutcome } from "../protocol.js";
import { addReplayLink, methodBadge, renderDetail, statusBadge, webhookBadge } from "./detail.js";
import { byId, clear, el } from "./dom.js";
import { type Predicate, parseFilter } from "./filter.js";
import { formatBytes, formatClock, formatMs, visible } from "./format.js";
import { type ConnectionState, LiveStream } from "./stream.js";

/** Rows kept in the page; the gate keeps about as many. */
const MAX_ROWS = 2000;

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  polling: "Live (polling)",
};

function start(): void {
  const app = byId("app");
  const base = app.dataset.base ?? "/__preview/inspect";
  const rows = byId<HTMLTableSectionElement>("rows");
  const empty = byId("empty");
  const count = byId("count");
  const filterBox = byId<HTMLInputElement>("filter");
  const detailRoot = byId("detail");
  const conn = byId("conn");
  const connText = byId("conn-text");
  const classButtons = [...document.querySelectorAll<HTMLButtonElement>("[data-class]")];

  const summaries = new Map<number, ExchangeSummary>();
  const rowsById = new Map<number, HTMLTableRowElement>();
  let predicate: Predicate = () => true;
  let classChoice = "";
  let selected: number | undefined;
  let missed = 0;

  const updateCount = () => {
    let shown = 0;
    for (const row of rowsById.values()) if (!row.hidden) shown++;
    const total = summaries.size;
    count.textContent = total === shown ? `${total}` : `${shown} of ${total}`;
    count.title = missed > 0 ? `${missed} earlier requests are no longer kept by the gate` : "";
    empty.hidden = total > 0;
  };

  const rowFor = (s: ExchangeSummary): HTMLTableRowElement => {
    const cell = el(
      "div",
      { class: "path-cell" },
      el("span", { class: "path-text", text: visible(s.path), title: visible(s.path) }),
    );
    const path = el("td", { class: "path" }, cell);
    const badges = el(
      "span",
      { class: "badges" },
      webhookBadge(s.webhook),
      s.service ? el("span", { class: "badge service", text: visible(s.service) }) : undefined,
      s.replayOf !== undefined
        ? el("span", { class: "badge replay", text: `↻ #${s.replayOf}`, title: `replay of #${s.replayOf}` })
        : undefined,
    );
    if (badges.childNodes.length > 0) cell.append(badges);
    const row = el(
      "tr",
      { attrs: { "data-id": String(s.id), tabindex: "0" } },
      el("td", {
        class: "time",
        text: formatClock(s.startedAt).slice(0, 8),
        title: formatClock(s.startedAt),
      }),
      el("td", {}, methodBadge(s.method)),
      path,
      el("td", {}, statusBadge(s.status)),
      el("td", { class: "num", text: formatMs(s.durationMs) }),
      el("td", {
        class: "num",
        text: formatBytes(s.responseBytes),
        title: `${formatBytes(s.requestBytes)} sent`,
      }),
      el("td", { class: "client", text: visible(s.client ?? "") }),
    );
    if (s.note) row.title = visible(s.note);
    row.addEventListener("click", () => select(s.id));
    row.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(s.id);
      }
    });
    return row;
  };

  const add = (s: ExchangeSummary) => {
    if (summaries.has(s.id)) return;
    summaries.set(s.id, s);
    const row = rowFor(s);
    row.hidden = !predicate(s);
    if (s.id === selected) row.classList.add("selected");
    rowsById.set(s.id, row);
    rows.prepend(row);
    while (rowsById.size > MAX_ROWS) {
      const [oldest] = rowsById.keys();
      if (oldest === undefined) break;
      rowsById.get(oldest)?.remove();
      rowsById.delete(oldest);
      summaries.delete(oldest);
    }
    // A replay of the exchange on view: it gets a link (the view is not redrawn: a replay's result stays).
    if (s.replayOf !== undefined && s.replayOf === selected) addReplayLink(detailRoot, s.id, actions);
    updateCount();
  };

  const applyFilter = () => {
    predicate = parseFilter(filterBox.value, classChoice);
    for (const [id, row] of rowsById) {
      const s = summaries.get(id);
      row.hidden = s === undefined || !predicate(s);
    }
    updateCount();
  };

  const actions = {
    select: (id: number) => select(id),
    close: () => {
      selected = undefined;
      detailRoot.hidden = true;
      document.body.classList.remove("with-detail");
      for (const row of rows.querySelectorAll("tr.selected")) row.classList.remove("selected");
    },
    replay: async (id: number, edits: object): Promise<ReplayOutcome> => {
      const response = await fetch(`${base}/replay/${id}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(edits),
      });
      const answer = (await response.json()) as ReplayOutcome & { error?: string };
      if (!response.ok) throw new Error(answer.error ?? `the gate answered ${response.status}`);
      return answer;
    },
  };

  let loading = 0;
  const show = async (id: number) => {
    const ticket = ++loading;
    const response = await fetch(`${base}/requests/${id}`, {
      headers: { accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    });
    if (ticket !== loading || selected !== id) return;
    detailRoot.hidden = false;
    document.body.classList.add("with-detail");
    if (!response.ok) {
      clear(detailRoot);
      detailRoot.append(
        el("p", { class: "note", text: `Request #${id} is not kept any more (${response.status}).` }),
      );
      return;
    }
    renderDetail(detailRoot, (await response.json()) as ExchangeDetail, actions);
    detailRoot.dataset.id = String(id);
    detailRoot.scrollTop = 0;
  };

  const select = (id: number) => {
    selected = id;
    for (const row of rows.querySelectorAll("tr.selected")) row.classList.remove("selected");
    const row = rowsById.get(id);
    row?.classList.add("selected");
    row?.scrollIntoView({ block: "nearest" });
    void show(id);
  };

  filterBox.addEventListener("input", applyFilter);
  for (const button of classButtons) {
    button.addEventListener("click", () => {
      classChoice = button.dataset.class ?? "";
      for (const other of classButtons) other.setAttribute("aria-pressed", String(other === button));
      applyFilter();
    });
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && selected !== undefined) actions.close();
    if (
      event.key === "/" &&
      document.activeElement?.tagName !== "INPUT" &&
      document.activeElement?.tagName !== "TEXTAREA"
    ) {
      event.preventDefault();
      filterBox.focus();
    }
  });

  const stream = new LiveStream(base, {
    onReset: () => {
      summaries.clear();
      rowsById.clear();
      clear(rows);
      missed = 0;
      updateCount();
    },
    onSummary: add,
    onGap: (n) => {
      missed += n;
      updateCount();
    },
    onState: (state) => {
      conn.dataset.state = state;
      connText.textContent = STATE_TEXT[state];
      app.dataset.lastId = String(stream.lastId);
    },
  });
  updateCount();
  stream.start();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

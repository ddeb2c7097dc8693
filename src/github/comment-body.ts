/**
 * The sticky comment's Markdown. Pure: everything it shows comes in as a CommentView, so
 * what a public repository may show is decided here, in one place, and tested.
 */

/** GitHub rejects comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536;

/** How reviewers get past the gate. Nothing here may be a secret except `oneClickUrl`. */
export interface SignIn {
  /** In words, e.g. "HTTP basic auth, user `preview`" or "log in at the mock identity provider". */
  readonly method: string;
  /** Where the credentials are, e.g. "the repository secret `PREVIEW_PASSWORD`". */
  readonly where?: string | undefined;
  /**
   * A link that signs in with one click. It carries a credential, so it is shown only on
   * private repositories (anyone can read a public repository's comments).
   */
  readonly oneClickUrl?: string | undefined;
  /** Reviewers sign in on their own (auth: github): there are no credentials to hand out. */
  readonly noCredentials?: boolean | undefined;
}

export type PreviewPhase = "starting" | "live" | "failed" | "stopped";

export interface CommentView {
  readonly key: string;
  readonly phase: PreviewPhase;
  readonly url: string | undefined;
  readonly provider: string | undefined;
  readonly tests: { readonly passed: number; readonly total: number } | undefined;
  /** Why the run failed; shown (cut to fit) when set, also after it stopped. */
  readonly failure: string | undefined;
  readonly stoppedAt: Date | undefined;
  readonly updatedAt: Date;
  /** Links are made against this repository on this server. */
  readonly serverUrl: string;
  readonly repo: { readonly owner: string; readonly repo: string };
  /** Commit the preview serves. */
  readonly servedSha: string;
  /** PR head and base, when the served commit is GitHub's test merge of them. */
  readonly merge: { readonly headSha: string; readonly baseRef: string } | undefined;
  readonly runUrl: string;
  readonly signIn: SignIn | undefined;
  readonly isPrivate: boolean;
  /**
   * The preview runs a fork's code and was relayed from its run (the relay workflow): the
   * comment says so, with the fork's name.
   */
  readonly fork?: { readonly repository: string } | undefined;
  /**
   * The URL is shown as text, never as a link: the relay could not vouch for its host (not a
   * known tunnel domain, nor an allowed one).
   */
  readonly urlUnverified?: boolean | undefined;
  /**
   * The live request inspector's page on the preview (behind the same sign-in; not a
   * credential): linked while the preview is up.
   */
  readonly inspectorUrl?: string | undefined;
  /** Several services behind the preview: which path each one answers (none: no requests). */
  readonly services?: readonly PreviewService[] | undefined;
}

export interface PreviewService {
  readonly name: string;
  readonly path: string | undefined;
}

export function commentMarker(key: string): string {
  return `<!-- preview-tunnel:${key} -->`;
}

/** Longest a one-line field may be; only the failure text is long. */
const FIELD_MAX = 1000;
/** Room kept for the truncation note and the fence around the failure text. */
const FAILURE_OVERHEAD = 400;

/** The comment's body: always within COMMENT_LIMIT (counted in UTF-8 bytes, the stricter count). */
export function renderComment(view: CommentView): string {
  const failure = view.failure === undefined ? undefined : stripAnsi(view.failure);
  const full = render(view, failure, undefined);
  if (failure === undefined || fits(full)) return full;
  // Only the failure text is unbounded: cut it to what is left once everything else is in.
  const budget = COMMENT_LIMIT - bytes(render(view, "", undefined)) - FAILURE_OVERHEAD;
  const cut = cutMiddle(failure, Math.max(0, budget));
  const shortened = render(view, cut.text, cut.omitted);
  return fits(shortened) ? shortened : render(view, undefined, undefined);
}

function render(view: CommentView, failure: string | undefined, omitted: number | undefined): string {
  const { owner, repo } = view.repo;
  const commitUrl = (sha: string) => `${view.serverUrl}/${owner}/${repo}/commit/${sha}`;
  const shaLink = (sha: string) => `[\`${sha.slice(0, 7)}\`](${safeHref(commitUrl(sha))})`;
  const rows: [string, string][] = [];

  const url = view.url ? safeHref(view.url) : undefined;
  if (view.url && view.urlUnverified) {
    rows.push([
      "URL",
      `\`${cell(view.url)}\` ⚠️ not a link: its host is not a known tunnel domain, so it may not be the preview. Open it only if you trust the pull request's author.`,
    ]);
  } else if (url) {
    rows.push([
      "URL",
      view.phase === "stopped" ? `\`${cell(url)}\` (no longer reachable)` : `[${cell(url)}](${url})`,
    ]);
  }
  if (view.inspectorUrl && view.phase !== "stopped" && !view.urlUnverified) {
    rows.push(["Requests", `[live inspector](${safeHref(view.inspectorUrl)}) (same sign-in as the preview)`]);
  }
  if (view.services && view.services.length > 0) rows.push(["Services", servicesText(view.services)]);
  if (view.tests) rows.push(["Tests", testsText(view.tests)]);
  if (view.servedSha) {
    rows.push([
      "Commit",
      view.merge
        ? `${shaLink(view.servedSha)} (GitHub's test merge of ${shaLink(view.merge.headSha)} into \`${cell(view.merge.baseRef)}\`)`
        : shaLink(view.servedSha),
    ]);
  }
  if (view.provider) rows.push(["Tunnel", `\`${cell(view.provider)}\``]);
  rows.push(["Run", `[workflow run](${safeHref(view.runUrl)})`]);

  const lines = [
    commentMarker(view.key),
    `### ${heading(view)}`,
    "",
    ...(view.fork ? [forkNotice(view.fork.repository), ""] : []),
    "| | |",
    "| --- | --- |",
    ...rows.map(([name, value]) => `| **${name}** | ${value} |`),
    "",
  ];
  if (view.signIn && view.phase !== "stopped") lines.push(signInText(view.signIn, view.isPrivate), "");
  if (failure !== undefined) {
    const fence = fenceFor(failure);
    lines.push(
      "<details><summary>What went wrong</summary>",
      "",
      `${fence}text`,
      failure,
      fence,
      "",
      ...(omitted
        ? [`*${omitted} characters were cut from the middle; the run's log has all of it.*`, ""]
        : []),
      "</details>",
      "",
    );
  }
  lines.push(
    `<sub>Updated ${formatTime(view.updatedAt)} by preview-tunnel; this comment is updated in place.</sub>`,
  );
  return `${lines.join("\n")}\n`;
}

function heading(view: CommentView): string {
  switch (view.phase) {
    case "starting":
      return "⏳ Preview starting";
    case "live":
      return "🟢 Preview is live";
    case "failed":
      return "❌ Preview failed";
    case "stopped": {
      const at = view.stoppedAt ? ` at ${formatTime(view.stoppedAt)}` : "";
      return view.failure === undefined ? `⚪ Preview stopped${at}` : `❌ Preview failed, stopped${at}`;
    }
  }
}

function forkNotice(repository: string): string {
  return [
    "> [!CAUTION]",
    `> This preview runs code from the fork \`${cell(repository)}\`, which the maintainers may not have reviewed. Do not sign in with real credentials or enter anything secret. The preview ran in the pull request's own workflow run; this comment was written from its status reports by the relay workflow.`,
  ].join("\n");
}

function servicesText(services: readonly PreviewService[]): string {
  return services
    .map((s) =>
      s.path === undefined
        ? `\`${cell(s.name)}\` (no requests)`
        : `\`${cell(s.path)}\` → \`${cell(s.name)}\``,
    )
    .join(", ");
}

function testsText({ passed, total }: { passed: number; total: number }): string {
  return passed === total
    ? `✅ tests passed ${passed} of ${total}`
    : `❌ tests failed: ${passed} of ${total} passed`;
}

function signInText(signIn: SignIn, isPrivate: boolean): string {
  const parts = [`**Signing in:** ${inline(signIn.method)}.`];
  if (signIn.noCredentials) {
    parts.push("Open the URL and sign in with your GitHub account; there is no password to share.");
    return parts.join(" ");
  }
  const oneClick = signIn.oneClickUrl ? safeHref(signIn.oneClickUrl) : undefined;
  if (isPrivate && oneClick) {
    parts.push(
      `[Sign in with one click](${oneClick}) (the link carries a credential; keep it inside the team).`,
    );
  } else {
    parts.push(
      isPrivate
        ? "Credentials are not posted here."
        : "Credentials are not posted here: this repository is public, and anyone can read its pull request comments.",
    );
  }
  parts.push(
    signIn.where
      ? `They are in ${inline(signIn.where)}.`
      : "Ask the pull request's author or a maintainer of this repository for them.",
  );
  return parts.join(" ");
}

/** One line of caller text: no line breaks, no HTML, nothing that ends a table cell. */
function inline(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const capped = flat.length > FIELD_MAX ? `${flat.slice(0, FIELD_MAX)}…` : flat;
  return capped.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|").replace(/`/g, "'");
}

/** An http(s) URL that cannot break out of a Markdown link or table; "#" otherwise. */
function safeHref(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") return "#";
    const href = url.href;
    if (href.length > FIELD_MAX * 2) return "#";
    return href.replace(
      /[|()<> ]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
    );
  } catch {
    return "#";
  }
}

/** A code fence longer than any run of backticks in the text, so the text cannot close it. */
function fenceFor(text: string): string {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are control characters
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
}

/**
 * Keeps the start (the summary line) and the end (where errors are) of a text in at most
 * `maxBytes` UTF-8 bytes, never splitting a character.
 */
export function cutMiddle(text: string, maxBytes: number): { text: string; omitted: number } {
  if (bytes(text) <= maxBytes) return { text, omitted: 0 };
  const headBytes = Math.min(Math.floor(maxBytes / 4), 2000);
  const head = firstBytes(text, headBytes);
  const tail = lastBytes(text, maxBytes - bytes(head) - 8);
  const omitted = Array.from(text).length - Array.from(head).length - Array.from(tail).length;
  return { text: `${head}\n[…]\n${tail}`, omitted };
}

function firstBytes(text: string, max: number): string {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.length <= max) return text;
  let end = Math.max(0, max);
  while (end > 0 && isContinuation(buffer[end])) end--;
  return buffer.subarray(0, end).toString("utf8");
}

function lastBytes(text: string, max: number): string {
  const buffer = Buffer.from(text, "utf8");
  if (buffer.length <= max) return text;
  let start = buffer.length - Math.max(0, max);
  while (start < buffer.length && isContinuation(buffer[start])) start++;
  return buffer.subarray(start).toString("utf8");
}

/** A UTF-8 continuation byte (10xxxxxx): not the start of a character. */
function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

function bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

function fits(body: string): boolean {
  return bytes(body) <= COMMENT_LIMIT;
}

/** "2026-05-01 12:34 UTC": unambiguous for reviewers in any time zone. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

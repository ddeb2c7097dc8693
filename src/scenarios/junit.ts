/**
 * JUnit XML of a scenario run: one <testsuite> per scenario file, one <testcase> per
 * scenario with the `file` and `line` it is written at (so CI test reporters link to it),
 * <failure> with expected vs actual and the response excerpt, <error> when no response came.
 */
import { oauthFailureText, oauthLabel } from "./oauth/report.js";
import { detailLines } from "./report-details.js";
import { failureSummary, type ScenarioResult, type ScenarioRun } from "./runner.js";

/** Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F). */
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escaped for text and attribute values alike; invalid characters become U+FFFD. */
export function xmlEscape(text: string): string {
  return (
    text
      .replace(INVALID_XML, "\uFFFD")
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;")
      .replaceAll("'", "&apos;")
      // Attribute values normalise raw newlines and tabs to spaces; keep them as written.
      .replaceAll("\n", "&#10;")
      .replaceAll("\r", "&#13;")
      .replaceAll("\t", "&#9;")
  );
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function attributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join("");
}

/** The failure's body: what was expected and what came, per failing delivery (first 5), and the response. */
function failureText(r: ScenarioResult): string {
  const lines: string[] = [];
  const s = r.scenario;
  if (s.oauth) return oauthFailureText(r, s.oauth);
  if (s.expectDeliveries) {
    lines.push(
      `GitHub deliveries of ${s.expectDeliveries.events.map((e) => e.label).join(", ")} (${s.source.file}:${s.source.line})`,
    );
    if (r.error !== undefined) lines.push(r.error);
    lines.push(...detailLines(r));
    return lines.join("\n");
  }
  lines.push(`${s.provider} ${s.method} ${s.path} (${s.source.file}:${s.source.line})`);
  if (r.error !== undefined) lines.push(r.error);
  const bad = r.deliveries.filter((d) => !d.passed);
  for (const d of bad.slice(0, 5)) {
    const which = d.duplicate ? "the duplicate of delivery" : "delivery";
    const of = s.behaviour?.events ? s.behaviour.events.length : s.repeat;
    lines.push(`${which} ${d.index + 1} of ${of}${d.label !== undefined ? ` (${d.label})` : ""}:`);
    if (d.error !== undefined) lines.push(`  no response: ${d.error}`);
    for (const m of d.mismatches) lines.push(`  ${m.what}: expected ${m.expected}, actual ${m.actual}`);
    if (d.status !== undefined) lines.push(`  response (${d.status}): ${d.responseExcerpt}`);
  }
  if (bad.length > 5) lines.push(`... and ${bad.length - 5} more failing deliveries`);
  lines.push(...detailLines(r));
  for (const f of r.followUps ?? []) {
    if (!f.passed && f.status !== undefined) lines.push(`  response (${f.status}): ${f.responseExcerpt}`);
  }
  return lines.join("\n");
}

function testcase(r: ScenarioResult): string {
  const s = r.scenario;
  const attrs = attributes({
    name: s.name,
    classname: s.oauth
      ? `oauth.${oauthLabel(s.oauth)}`
      : s.expectDeliveries
        ? "github.deliveries"
        : `webhooks.${s.provider}`,
    file: s.source.file,
    line: s.source.line,
    time: seconds(r.durationMs),
  });
  // A browser scenario's screenshot, in the attachment syntax CI test reporters pick up, and
  // what its deliveries did (every retry, the order, the then requests).
  const shown = [
    ...(r.screenshot ? [`[[ATTACHMENT|${r.screenshot}]]`] : []),
    ...(r.passed ? detailLines(r) : []),
  ];
  const out = shown.length > 0 ? `\n      <system-out>${xmlEscape(shown.join("\n"))}</system-out>` : "";
  if (r.passed) return out ? `    <testcase${attrs}>${out}\n    </testcase>` : `    <testcase${attrs}/>`;
  // No response at all (refused, timeout, missing secret) is an error; a wrong response a failure.
  const noResponse = r.error !== undefined || r.deliveries.every((d) => d.status === undefined);
  const tag = noResponse ? "error" : "failure";
  const type = noResponse ? "DeliveryError" : "ExpectationFailed";
  const message = attributes({ message: failureSummary(r), type });
  return `    <testcase${attrs}>\n      <${tag}${message}>${xmlEscape(failureText(r))}</${tag}>${out}\n    </testcase>`;
}

export interface JunitOptions {
  /** The run's start, for the suites' timestamp attribute (default: now). */
  readonly timestamp?: Date;
  readonly name?: string;
}

export function junitXml(run: ScenarioRun, options: JunitOptions = {}): string {
  const timestamp = (options.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "");
  const byFile = new Map<string, ScenarioResult[]>();
  for (const r of run.results) {
    const list = byFile.get(r.scenario.source.file) ?? [];
    list.push(r);
    byFile.set(r.scenario.source.file, list);
  }
  const count = (list: readonly ScenarioResult[]) => {
    const errors = list.filter(
      (r) => !r.passed && (r.error !== undefined || r.deliveries.every((d) => d.status === undefined)),
    ).length;
    return { tests: list.length, failures: list.filter((r) => !r.passed).length - errors, errors };
  };
  const suites = [...byFile].map(([file, list]) => {
    const time = list.reduce((sum, r) => sum + r.durationMs, 0);
    const attrs = attributes({
      name: file,
      ...count(list),
      skipped: 0,
      time: seconds(time),
      timestamp,
      file,
    });
    return `  <testsuite${attrs}>\n${list.map(testcase).join("\n")}\n  </testsuite>`;
  });
  const root = attributes({
    name: options.name ?? "preview-tunnel webhook scenarios",
    ...count(run.results),
    time: seconds(run.durationMs),
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.join("\n")}${suites.length ? "\n" : ""}</testsuites>\n`;
}

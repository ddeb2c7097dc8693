/**
 * An oracle for "does this text give a secret away": it decodes the text every way a reader
 * could (JSON string escapes, twice; URL and form encoding; HTML entities; every base64 or
 * base64url run at each of its four alignments) and looks for each secret, or for any line
 * of a multi-line secret (a PEM key), in every view. Written independently of
 * src/util/secrets.ts, so it checks the registry rather than repeating it.
 */

/** A line of a multi-line secret this long is a giveaway on its own. */
const LINE_MIN = 16;
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}/g;

function jsonUnescape(text: string): string {
  return text.replace(/\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/g, (_, c: string) => {
    if (c.startsWith("u")) return String.fromCharCode(Number.parseInt(c.slice(1), 16));
    return ({ b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" } as Record<string, string>)[c] ?? c;
  });
}

function urlDecode(text: string, plusIsSpace: boolean): string {
  const spaced = plusIsSpace ? text.replaceAll("+", " ") : text;
  return spaced.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function htmlDecode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCharCode(Number.parseInt(n, 16)))
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

function base64Views(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) {
    for (let offset = 0; offset < 4; offset++) {
      // Node's base64 decoder takes both alphabets.
      const bytes = Buffer.from(run.slice(offset), "base64");
      out.push(bytes.toString("latin1"), bytes.toString("utf8"));
    }
  }
  return out;
}

/** Every way the text can be read. */
export function views(text: string): string[] {
  const first = [text, jsonUnescape(text), jsonUnescape(jsonUnescape(text)), htmlDecode(text)];
  const decoded = first.flatMap((t) => [t, urlDecode(t, false), urlDecode(t, true)]);
  const fromBase64 = decoded.flatMap(base64Views).flatMap((t) => [t, jsonUnescape(t)]);
  return [...new Set([...decoded, ...fromBase64])];
}

/** What gives a secret away: the value, or (for a multi-line one) any long line of it. */
function giveaways(value: string): string[] {
  if (!value.includes("\n")) return [value];
  return value.split(/\r?\n/).filter((line) => line.length >= LINE_MIN && !line.startsWith("-----"));
}

/** The labels of the secrets the text gives away, in any form. */
export function leakedSecrets(text: string, secrets: Readonly<Record<string, string>>): string[] {
  const all = views(text);
  return Object.entries(secrets)
    .filter(([, value]) => giveaways(value).some((g) => all.some((view) => view.includes(g))))
    .map(([label]) => label);
}

/** The step log as the runner shows it: its own `::add-mask::` commands are not shown. */
export function shownLog(stdout: string): string {
  return stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
}

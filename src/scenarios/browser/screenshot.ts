/**
 * Where a browser scenario's screenshot goes: next to the HAR recording, so one artifact
 * upload of that folder has both. `requests.har` + "alice signs in" -> `requests.alice-signs-in.png`.
 */
import path from "node:path";
import type { Scenario } from "../types.js";

const MAX_SLUG = 60;

/** The scenario's name as a file-name part: lower-case letters, digits and dashes. */
export function slug(name: string): string {
  const cut = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG)
    .replace(/-+$/, "");
  return cut === "" ? "scenario" : cut;
}

/**
 * A PNG path for each browser scenario: `<dir of near>/<near without extension>.<slug>.png`,
 * made unique within the run (-2, -3... for names that give the same slug, e.g. in two files).
 */
export function screenshotPaths(scenarios: readonly Scenario[], near: string): Map<Scenario, string> {
  const dir = path.dirname(near);
  const stem = path.basename(near, path.extname(near));
  const taken = new Set<string>();
  const paths = new Map<Scenario, string>();
  for (const s of scenarios) {
    if (!s.oauth?.browser) continue;
    const base = slug(s.name);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    paths.set(s, path.join(dir, `${stem}.${name}.png`));
  }
  return paths;
}

/**
 * Cold start of the bundle as the runner and a terminal start it, side by side with `node -e 0`
 * (what any Node process costs): `cli --help`, and `post.js` with nothing to tear down (a job
 * whose main step started nothing). Rounds interleave the commands; each ratio is the median
 * of the within-round ratios. Also the bytes each entry loads before it can do anything: the
 * entry file and what it imports statically, and for main and supervisor also the action they
 * import at once (with its static imports); the run's lazy parts (IdP, scenarios, Octokit,
 * replay...) come on top only when a run uses them.
 *
 * Compile cache: each command runs once before the rounds (the cache filled, as for every
 * process after the job's first), in a cache directory of the bench's own.
 *
 * `npm run bench -- cold-start`; BENCH_DIST=<dir> measures another build (e.g. an older one).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const DIST = path.resolve(process.env.BENCH_DIST ?? "dist");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const TARGETS: Record<string, number> = { "cli --help": 1.3, "post.js, nothing to tear down": 1.5 };

const cacheDir = mkdtempSync(path.join(tmpdir(), "pt-bench-cache-"));
const work = mkdtempSync(path.join(tmpdir(), "pt-bench-cold-"));
const stateFile = path.join(work, "state");
// A runner's environment for a post step whose main step saved nothing.
const env = {
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? work,
  GITHUB_ACTIONS: "true",
  RUNNER_TEMP: cacheDir,
  GITHUB_STATE: stateFile,
};

const commands: Record<string, readonly string[]> = {
  "node -e 0": ["-e", "0"],
  "cli --help": [path.join(DIST, "cli.js"), "--help"],
  "post.js, nothing to tear down": [path.join(DIST, "post.js")],
};

function timeOnce(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status}`);
  return ms;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

// Static imports of an ESM file of the bundle (not import(): those load when used).
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s*(?:[^;'"]*?\sfrom\s*)?["'](\.\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.\/[^"']+)["']\s*\)/g;

function staticClosure(files: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...files];
  for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(path.join(DIST, file), "utf8").matchAll(STATIC_IMPORT)) {
      // A file of the bundle (an older, CommonJS one has none: its text may quote imports).
      if (m[1] && existsSync(path.join(DIST, m[1]))) stack.push(path.normalize(m[1]));
    }
  }
  return seen;
}

const bytes = (files: Iterable<string>) =>
  [...files].reduce((sum, file) => sum + statSync(path.join(DIST, file)).size, 0);
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** Entries that import their action at once; cli and post import theirs only when there is work. */
const ALWAYS_IMPORTS = new Set(["main.js", "supervisor.js"]);

try {
  for (const args of Object.values(commands)) timeOnce(args);
  const times = new Map<string, number[]>(Object.keys(commands).map((name) => [name, []]));
  const ratios = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const baseline = timeOnce(commands["node -e 0"] ?? []);
    times.get("node -e 0")?.push(baseline);
    for (const [name, args] of Object.entries(commands)) {
      if (name === "node -e 0") continue;
      const ms = timeOnce(args);
      times.get(name)?.push(ms);
      if (!ratios.has(name)) ratios.set(name, []);
      ratios.get(name)?.push(ms / baseline);
    }
  }
  console.log(`Cold start of ${path.relative(process.cwd(), DIST) || DIST}, ${ROUNDS} rounds (medians):`);
  for (const [name, values] of times) {
    const ratio = ratios.get(name);
    const target = TARGETS[name];
    console.log(
      `  ${name.padEnd(31)} ${median(values).toFixed(1).padStart(6)} ms` +
        (ratio ? `  ${median(ratio).toFixed(2)}x node -e 0${target ? ` (target <= ${target}x)` : ""}` : ""),
    );
  }

  const all = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  console.log(
    `Bytes loaded before anything runs (${all.length} files in the bundle, ${kb(bytes(all))} in all):`,
  );
  for (const entry of ["main.js", "post.js", "supervisor.js", "cli.js"]) {
    const direct = staticClosure([entry]);
    let line = `  ${entry.padEnd(14)} entry + static imports ${kb(bytes(direct)).padStart(7)}`;
    if (ALWAYS_IMPORTS.has(entry)) {
      // What the entry imports as soon as the compile cache is on, with its static imports.
      const first = [...readFileSync(path.join(DIST, entry), "utf8").matchAll(DYNAMIC_IMPORT)].flatMap((m) =>
        m[1] && existsSync(path.join(DIST, m[1])) ? [path.normalize(m[1])] : [],
      );
      const eager = staticClosure([entry, ...first]);
      line += `; with the action it always imports ${kb(bytes(eager)).padStart(7)} (${eager.size} files)`;
    }
    console.log(`${line}${entry === "main.js" ? " (target <= 1 MB)" : ""}`);
  }
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

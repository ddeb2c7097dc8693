/**
 * Ends the run with what was skipped and why. A test skips only where something it needs is
 * missing from the machine (no sshd, no IPv6 loopback, a platform it cannot run on) and
 * says so with `ctx.skip(reason)`; that reason is printed here, so a skip on a developer's
 * machine never passes unnoticed. (CI fails on any skip not in test/platform-skips.json:
 * scripts/check-test-report.mjs.) Tests left out by a filter (-t, .only) carry no reason
 * and are only counted; a conditional skip in this suite always gives one.
 */
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";

export interface SkippedTest {
  /** "file > describe > test", the file relative to the project. */
  readonly name: string;
  readonly note: string | undefined;
}

/** The closing line for the skipped tests, or undefined when none was skipped. */
export function skippedSummary(skipped: readonly SkippedTest[]): string | undefined {
  const withReason = skipped.filter((t) => t.note !== undefined);
  const filtered = skipped.length - withReason.length;
  const parts: string[] = [];
  if (withReason.length > 0) {
    const what = withReason.length === 1 ? "1 test" : `${withReason.length} tests`;
    parts.push(
      `Skipped ${what} for what this machine lacks: ${withReason.map((t) => `${t.name} (${t.note})`).join("; ")}`,
    );
  }
  if (filtered > 0) parts.push(`${filtered} more skipped without a reason (a filter, .only or .skip)`);
  return parts.length > 0 ? `${parts.join(". ")}.` : undefined;
}

export function skippedTests(modules: readonly TestModule[], root: string): SkippedTest[] {
  const found: SkippedTest[] = [];
  for (const module of modules) {
    const file = path.relative(root, module.moduleId).split(path.sep).join("/");
    for (const test of module.children.allTests()) {
      const result = test.result();
      if (result.state !== "skipped") continue;
      found.push({ name: `${file} > ${test.fullName}`, note: result.note });
    }
  }
  return found;
}

export default class SkippedReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const line = skippedSummary(skippedTests(modules, process.cwd()));
    if (line !== undefined) process.stdout.write(`\n${line}\n`);
  }
}

/** App output shown in the step log cannot issue workflow commands; the runner is emulated by runnerView. */
import { describe, expect, it } from "vitest";
import { neutralizeCommands } from "../../src/action/workflow-commands.js";
import { runnerView } from "../helpers/runner-commands.js";

const HOSTILE = [
  "::add-mask::hello",
  "  \t::error title=pwned::from the app",
  "::stop-commands::forever",
  "see ##[warning]this",
  "ok line\r::notice::after a lone CR",
  "::group::fake group",
  "::set-output name=url::https://evil.example",
];

describe("neutralizeCommands", () => {
  it("the emulated runner acts on these lines as they are (the test's premise)", () => {
    const view = runnerView(HOSTILE.filter((l) => !l.includes("stop-commands")).join("\n"));
    expect(view.commands.map((c) => c.command)).toEqual([
      "add-mask",
      "error",
      "warning",
      "notice",
      "group",
      "set-output",
    ]);
  });

  it("leaves the runner nothing to act on, and shows every line as it was", () => {
    for (const line of HOSTILE) {
      const view = runnerView(neutralizeCommands(`${line}\n`));
      expect(view.commands, line).toEqual([]);
      expect(view.shown.join("\n"), line).toBe(`${line.replace("\r", "\n")}\n`);
    }
    const all = runnerView(neutralizeCommands(`${HOSTILE.join("\n")}\n`));
    expect(all.commands).toEqual([]);
  });

  it("keeps commands working after it: the stop ends with its line", () => {
    const view = runnerView(`${neutralizeCommands("::add-mask::x\n")}::warning::ours\n`);
    expect(view.commands).toEqual([{ command: "warning", data: "ours" }]);
  });

  it("uses a fresh token per line, so a line cannot end its own stop", () => {
    let n = 0;
    const out = neutralizeCommands("::a::1\n::b::2\n", () => `t${++n}`);
    expect(out).toBe("::stop-commands::t1\n::a::1\n::t1::\n::stop-commands::t2\n::b::2\n::t2::\n");
  });

  it("returns ordinary text unchanged, line ends included", () => {
    for (const text of ["GET / 200 3ms\n", "a::b\r\nc\n", "time 12:30:00\n", ""])
      expect(neutralizeCommands(text)).toBe(text);
  });
});

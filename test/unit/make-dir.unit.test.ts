import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MakeDirError, makeDir } from "../../src/util/make-dir.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "pt-mkdir-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("makeDir", () => {
  it("makes every missing parent, with the mode asked for, and accepts what exists", () => {
    const deep = path.join(dir, "a/b/c");
    makeDir(deep, 0o700);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(statSync(path.join(dir, "a")).mode & 0o777).toBe(0o700);
    expect(() => makeDir(deep)).not.toThrow();
  });

  it("names the file in the way", () => {
    writeFileSync(path.join(dir, "file"), "");
    expect(() => makeDir(path.join(dir, "file/x"))).toThrow(`${path.join(dir, "file")} is not a directory`);
  });

  it("ends under /proc, where Node's recursive mkdir loops for ever", () => {
    expect(() => makeDir("/proc/nope/deeper")).toThrow(MakeDirError);
    expect(() => makeDir("/proc/nope/deeper")).toThrow("/proc cannot hold directories");
  });
});

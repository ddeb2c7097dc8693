/**
 * The shape of src/: no import loops (type-only and dynamic imports count), and imports only
 * going down the floors (scripts/floors.ts says which and why). The checker itself is tested on
 * small graphs, so a check that passes is one that could have failed.
 */
import { describe, expect, it } from "vitest";
import {
  FLOORS,
  findCycles,
  floorViolations,
  type ImportGraph,
  importsOf,
  readImportGraph,
} from "../../scripts/floors.js";

const graph = (edges: Record<string, string[]>): ImportGraph =>
  new Map(
    Object.entries(edges).map(([file, targets]) => [
      file,
      targets.map((target) => ({ target, kind: "static" as const })),
    ]),
  );

describe("src/", () => {
  const src = readImportGraph(process.cwd());

  it("has no import cycle", () => {
    expect(src.size).toBeGreaterThan(100);
    expect(findCycles(src)).toEqual([]);
  });

  it("imports only down the floors, and parts only through their index.ts or settings.ts", () => {
    expect(floorViolations(src)).toEqual([]);
  });

  it("has every folder on a floor", () => {
    const units = new Set([...src.keys()].map((file) => file.split("/")[1]));
    const placed = new Set(FLOORS.flatMap((floor) => floor.units));
    expect([...units].filter((unit) => !placed.has(unit ?? ""))).toEqual([]);
  });
});

describe("the checker", () => {
  it("reads static, type-only, re-exported and dynamic imports of relative modules", () => {
    const text = [
      'import { a } from "./a.js";',
      'import type {\n  B,\n  C,\n} from "../gate/b.js";',
      'export { d } from "./d.js";',
      'import "./side-effect.js";',
      'import * as core from "@actions/core";',
      'const e = await import("../idp/index.js");',
      "/** import { x } from './comment.js' is not a statement */",
    ].join("\n");
    expect(importsOf("src/pipeline/x.ts", text)).toEqual([
      { target: "src/pipeline/a.ts", kind: "static" },
      { target: "src/gate/b.ts", kind: "type" },
      { target: "src/pipeline/d.ts", kind: "static" },
      { target: "src/pipeline/side-effect.ts", kind: "static" },
      { target: "src/idp/index.ts", kind: "dynamic" },
    ]);
  });

  it("finds a loop, also of one file", () => {
    expect(
      findCycles(
        graph({ "src/a/x.ts": ["src/a/y.ts"], "src/a/y.ts": ["src/a/z.ts"], "src/a/z.ts": ["src/a/x.ts"] }),
      ),
    ).toEqual([["src/a/x.ts", "src/a/y.ts", "src/a/z.ts"]]);
    expect(findCycles(graph({ "src/a/x.ts": ["src/a/x.ts"] }))).toEqual([["src/a/x.ts"]]);
    expect(findCycles(graph({ "src/a/x.ts": ["src/a/y.ts"], "src/a/y.ts": [] }))).toEqual([]);
  });

  it("finds imports up the floors, across closed floors, into a part's internals and off the floors", () => {
    const found = floorViolations(
      graph({
        "src/gate/server.ts": ["src/config/config.ts", "src/util/parse.ts", "src/gate/auth.ts"],
        "src/session/state.ts": ["src/pipeline/context.ts"],
        "src/action/main.ts": ["src/cli/cli.ts", "src/gate/server.ts", "src/gate/index.ts"],
        "src/config/config.ts": ["src/pipeline/settings.ts", "src/app/settings.ts"],
        "src/scenarios/runner.ts": ["src/idp/keys.ts", "src/idp/index.ts"],
        "src/newpart/x.ts": [],
      }),
    );
    expect(found).toEqual([
      "src/gate/server.ts imports src/config/config.ts: up from parts to adapter",
      "src/session/state.ts imports src/pipeline/context.ts: up from shared to pipeline",
      "src/action/main.ts imports src/cli/cli.ts: across front doors",
      "src/action/main.ts imports src/gate/server.ts: from outside gate/ only its index.ts or settings.ts",
      "src/config/config.ts imports src/pipeline/settings.ts: config never imports pipeline",
      "src/scenarios/runner.ts imports src/idp/keys.ts: from outside idp/ only its index.ts or settings.ts",
      "src/newpart/x.ts is on no floor: add newpart to FLOORS in scripts/floors.ts",
    ]);
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: scenario placeholders are the subject of these tests
/** Placeholders, body rendering, the JSONPath subset and the response checks. */
import { describe, expect, it } from "vitest";
import { checkReply, excerpt } from "../../src/scenarios/expect.js";
import { jsonEqual, MISSING, parseJsonPath, valueAt } from "../../src/scenarios/json-path.js";
import { renderBody, renderPath } from "../../src/scenarios/render.js";
import { badPlaceholder, envNames, render, TemplateError } from "../../src/scenarios/template.js";
import type { Expectations } from "../../src/scenarios/types.js";

const vars = { env: { USER: 'Ada "the" Lovelace', EMPTY: "" }, previewUrl: "https://pr-7.example.test" };

describe("placeholders", () => {
  it("fill in ${env.X} and ${preview.url}; $${ is a literal ${", () => {
    expect(render("${preview.url}/hook by ${ env.USER } costs $${price}", vars)).toBe(
      'https://pr-7.example.test/hook by Ada "the" Lovelace costs ${price}',
    );
    expect(render("${env.EMPTY}!", vars)).toBe("!");
  });

  it("name an unset variable", () => {
    expect(() => render("${env.NOPE}", vars)).toThrow(
      new TemplateError("${env.NOPE} is used but NOPE is not set"),
    );
  });

  it("report the first unsupported placeholder", () => {
    expect(badPlaceholder("${env.OK} ${preview.url} $${x}")).toBeUndefined();
    expect(badPlaceholder("a ${secrets.X} b")).toBe("${secrets.X}");
    expect(badPlaceholder("${env.1BAD}")).toBe("${env.1BAD}");
    expect(envNames("${env.A} ${preview.url} $${env.B} ${env.C}")).toEqual(["A", "C"]);
  });
});

describe("bodies", () => {
  it("escape values for JSON text, so a quote cannot end the string", () => {
    const body = renderBody({ kind: "text", text: '{"user":"${env.USER}"}' }, "application/json", vars);
    expect(JSON.parse(body.toString())).toEqual({ user: 'Ada "the" Lovelace' });
  });

  it("URL-encode values in form text, and render JSON values and form fields", () => {
    expect(
      renderBody(
        { kind: "text", text: "user=${env.USER}" },
        "application/x-www-form-urlencoded",
        vars,
      ).toString(),
    ).toBe("user=Ada%20%22the%22%20Lovelace");
    expect(
      renderBody(
        { kind: "json", value: { u: "${env.USER}", n: [1, null] } },
        "application/json",
        vars,
      ).toString(),
    ).toBe('{"u":"Ada \\"the\\" Lovelace","n":[1,null]}');
    expect(
      new URLSearchParams(
        renderBody({ kind: "form", fields: [["who", "${env.USER}"]] }, "x", vars).toString(),
      ).get("who"),
    ).toBe('Ada "the" Lovelace');
    expect(renderPath("/hooks?from=${preview.url}", vars)).toBe("/hooks?from=https://pr-7.example.test");
  });

  it("keep the exact bytes of UTF-8 text", () => {
    expect(renderBody({ kind: "text", text: "héllo ✓" }, "text/plain", vars)).toEqual(Buffer.from("héllo ✓"));
  });
});

describe("JSON paths", () => {
  it("parse the supported subset and refuse the rest", () => {
    expect(parseJsonPath("$")).toEqual([]);
    expect(parseJsonPath(`$.a_b.c-d[2]["e f"]['g\\'h'][-1]`)).toEqual(["a_b", "c-d", 2, "e f", "g'h", -1]);
    for (const bad of ["a.b", "$.", "$..a", "$.a[*]", "$[?(@.x)]", "$.a[", "$['x"])
      expect(parseJsonPath(bad), bad).toBeUndefined();
  });

  it("find values, or MISSING", () => {
    const doc = { a: { b: [10, 20, 30] }, n: null };
    expect(valueAt(doc, ["a", "b", -1])).toBe(30);
    expect(valueAt(doc, ["n"])).toBeNull();
    expect(valueAt(doc, ["a", "b", 3])).toBe(MISSING);
    expect(valueAt(doc, ["a", "x"])).toBe(MISSING);
    expect(valueAt(doc, ["a", "b", "length"])).toBe(MISSING);
    expect(valueAt(doc, ["toString"])).toBe(MISSING);
  });

  it("compare structurally, ignoring key order", () => {
    expect(jsonEqual({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(1, "1")).toBe(false);
  });
});

describe("response checks", () => {
  const expectations: Expectations = {
    status: [{ min: 200, max: 299 }],
    statusText: "2xx",
    bodyContains: ["${env.USER}"],
    json: [
      { path: "$.ok", steps: ["ok"], value: true },
      { path: "$.items[0]", steps: ["items", 0], value: { id: 1 } },
    ],
    headers: [
      ["content-type", "JSON"],
      ["x-secret", false],
      ["x-request-id", true],
    ],
    maxLatencyMs: 100,
  };
  const reply = (status: number, body: unknown, headers: Record<string, string> = {}, latencyMs = 5) => ({
    status,
    headers,
    body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
    latencyMs,
  });

  it("pass a response that meets everything", () => {
    const ok = reply(
      201,
      { ok: true, items: [{ id: 1 }], by: 'Ada "the" Lovelace' },
      { "content-type": "application/json", "x-request-id": "r1" },
    );
    expect(checkReply({ ...expectations, bodyContains: ["Lovelace"] }, ok, vars)).toEqual([]);
  });

  it("list every mismatch as expected vs actual", () => {
    const bad = reply(500, { ok: false, items: [] }, { "content-type": "text/html", "x-secret": "s" }, 250);
    expect(checkReply(expectations, bad, vars)).toEqual([
      { what: "status", expected: "2xx", actual: "500" },
      {
        what: "body contains",
        expected: '"Ada \\"the\\" Lovelace"',
        actual: JSON.stringify('{"ok":false,"items":[]}'),
      },
      { what: "JSON $.ok", expected: "true", actual: "false" },
      { what: "JSON $.items[0]", expected: '{"id":1}', actual: "(no such value)" },
      { what: "header content-type", expected: 'contains "JSON"', actual: '"text/html"' },
      { what: "header x-secret", expected: "absent", actual: '"s"' },
      { what: "header x-request-id", expected: "present", actual: "absent" },
      { what: "latency", expected: "at most 100 ms", actual: "250 ms" },
    ]);
  });

  it("say when the body is not JSON, and cut long excerpts", () => {
    const mismatches = checkReply(
      { ...expectations, bodyContains: [], headers: [], maxLatencyMs: undefined },
      reply(200, "<html>"),
      vars,
    );
    expect(mismatches.map((m) => m.actual)).toEqual(["the body is not JSON", "the body is not JSON"]);
    expect(excerpt(Buffer.from("x".repeat(600)))).toBe(`${"x".repeat(500)}…`);
  });
});

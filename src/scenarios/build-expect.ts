/** An `expect:` mapping (of a scenario, a duplicate or a then request) -> Expectations, problems reported at its fields. */

import { InputError } from "../errors.js";
import { parseDuration, parseStatusRanges, type StatusRange } from "../util/parse.js";
import type { ProblemAt } from "./file-context.js";
import { parseJsonPath } from "./json-path.js";
import type { ScenarioInput } from "./schema.js";
import type { Expectations } from "./types.js";

/** Default statuses: any 2xx; `expect-rejected`: what a verifier answers to a bad signature. */
export const ACCEPTED: StatusRange[] = [{ min: 200, max: 299 }];
export const REJECTED: StatusRange[] = [400, 401, 403].map((s) => ({ min: s, max: s }));

export type ExpectInput = NonNullable<ScenarioInput["expect"]>;
export type AddProblem = (relative: readonly PropertyKey[], message: string, at?: ProblemAt) => void;

/**
 * `at` is where the mapping is written (["expect"], ["then", 0, "expect"]); `rejected` makes
 * the default status 400/401/403 (and conflicts with a status of its own).
 */
export function buildExpectations(
  add: AddProblem,
  at: readonly PropertyKey[],
  expect: ExpectInput,
  rejected = false,
): Expectations | undefined {
  let status = rejected ? REJECTED : ACCEPTED;
  let statusText = rejected ? "400, 401, 403" : "2xx";
  if (expect.status !== undefined) {
    if (rejected) {
      add(["expect-rejected"], "conflicts with expect.status: use one of them", "key");
      return undefined;
    }
    const items = Array.isArray(expect.status) ? expect.status : [expect.status];
    statusText = items.join(", ");
    try {
      status = parseStatusRanges("expect.status", statusText);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      add([...at, "status"], "must be HTTP statuses with ranges from low to high, e.g. 200-299");
      return undefined;
    }
  }
  const json = Object.entries(expect.json ?? {}).flatMap(([jsonPath, value]) => {
    const steps = parseJsonPath(jsonPath);
    if (steps === undefined) {
      add(
        [...at, "json", jsonPath],
        'is not a supported JSON path: start with $ and use .name, ["name"] and [index], e.g. $.data.items[0].id',
        "key",
      );
      return [];
    }
    return [{ path: jsonPath, steps, value }];
  });
  const bodyContains = expect["body-contains"];
  return {
    status,
    statusText,
    bodyContains:
      bodyContains === undefined ? [] : Array.isArray(bodyContains) ? bodyContains : [bodyContains],
    json,
    headers: Object.entries(expect.headers ?? {}).map(
      ([name, value]) => [name.toLowerCase(), value] as const,
    ),
    maxLatencyMs:
      expect["max-latency"] === undefined ? undefined : parseDuration("max-latency", expect["max-latency"]),
  };
}

/** The texts of an expect mapping that are filled in (body-contains, header values), with where they are. */
export function expectTexts(
  at: readonly PropertyKey[],
  expect: ExpectInput | undefined,
): [readonly PropertyKey[], string][] {
  const texts: [readonly PropertyKey[], string][] = [];
  const contains = expect?.["body-contains"];
  for (const text of contains === undefined ? [] : Array.isArray(contains) ? contains : [contains]) {
    texts.push([[...at, "body-contains"], text]);
  }
  for (const [name, value] of Object.entries(expect?.headers ?? {})) {
    if (typeof value === "string") texts.push([[...at, "headers", name], value]);
  }
  return texts;
}

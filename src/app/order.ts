/**
 * The order services start in: levels, each of services whose dependencies are all in earlier
 * levels (a level's services start in parallel; teardown goes through the levels backwards).
 * A dependency cycle is named, in the order it runs, e.g. `a -> b -> a`.
 */

export interface Dependent {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

export type StartOrder =
  | { readonly levels: readonly (readonly string[])[] }
  | { readonly cycle: readonly string[] };

/** Dependencies on names that are not in the list are ignored here (config reports them). */
export function startOrder(services: readonly Dependent[]): StartOrder {
  const known = new Set(services.map((s) => s.name));
  const pending = new Map(services.map((s) => [s.name, s.dependsOn.filter((d) => known.has(d))]));
  const placed = new Set<string>();
  const levels: string[][] = [];
  while (pending.size > 0) {
    const level = [...pending].filter(([, deps]) => deps.every((d) => placed.has(d))).map(([name]) => name);
    if (level.length === 0) return { cycle: findCycle(pending) };
    for (const name of level) {
      pending.delete(name);
      placed.add(name);
    }
    levels.push(level);
  }
  return { levels };
}

/** A cycle among the services still pending (each of which has a pending dependency). */
function findCycle(pending: ReadonlyMap<string, readonly string[]>): string[] {
  const path: string[] = [];
  let current = pending.keys().next().value as string;
  while (!path.includes(current)) {
    path.push(current);
    current = (pending.get(current) ?? []).find((d) => pending.has(d)) as string;
  }
  return [...path.slice(path.indexOf(current)), current];
}

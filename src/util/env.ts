/** Environments as records of variables. */

/** The variables of every source in order, later ones winning; undefined values are left out. */
export function mergeEnv(
  ...sources: readonly Readonly<Record<string, string | undefined>>[]
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * A stage of the gate's request pipeline (stages/*.ts, composed in order by server.ts): it
 * answers the exchange (true) or passes it on (false), returning a promise only when it must
 * wait (a webhook body). A stage may also note what it found on the exchange for later ones.
 */
import type { Exchange } from "./exchange.js";

export type Stage = (ex: Exchange) => boolean | Promise<boolean>;

/** Runs `stages` from `from` until one answers; a stage that throws gets `failed`. */
export function runStages(
  stages: readonly Stage[],
  ex: Exchange,
  failed: (ex: Exchange, error: unknown) => void,
  from = 0,
): void {
  try {
    for (let i = from; i < stages.length; i++) {
      const stage = stages[i];
      const result = stage ? stage(ex) : false;
      if (result === true) return;
      if (result !== false) {
        result.then(
          (handled) => {
            if (!handled) runStages(stages, ex, failed, i + 1);
          },
          (error: unknown) => failed(ex, error),
        );
        return;
      }
    }
  } catch (error) {
    failed(ex, error);
  }
}

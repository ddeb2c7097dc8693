/**
 * The teardown registry. Each resource is registered the moment it exists; run() undoes
 * them in reverse order, once, and never throws: a failing step becomes a warning and
 * the next step still runs.
 */
import { errorMessage } from "../errors.js";

export interface TeardownStep {
  readonly name: string;
  readonly run: () => Promise<void> | void;
}

export class Teardown {
  private readonly steps: TeardownStep[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly warn: (message: string) => void) {}

  /** Adds a step; returns a function that runs just that step early (and only once). */
  add(name: string, run: () => Promise<void> | void): () => Promise<void> {
    let done: Promise<void> | undefined;
    const once = () => {
      done ??= Promise.resolve()
        .then(run)
        .catch((error) => this.warn(`Teardown of ${name} failed: ${errorMessage(error)}`));
      return done;
    };
    this.steps.push({ name, run: once });
    return once;
  }

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Runs every step, last registered first. Idempotent: later calls share the first run. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) await step.run();
    })();
    return this.running;
  }
}

export type PhaseName =
  | "expose"
  | "setup"
  | "boot"
  | "ready"
  | "publish"
  | "test"
  | "scenarios"
  | "hold"
  | "teardown";

export interface PhaseRecord {
  readonly name: PhaseName;
  readonly status: "ok" | "failed" | "skipped";
  readonly ms: number;
  /** One line on what happened, for the summary. */
  readonly detail: string;
}

/** Times the phases of one run. */
export class PhaseClock {
  readonly records: PhaseRecord[] = [];

  async run<T>(name: PhaseName, body: () => Promise<T>, detail: (value: T) => string): Promise<T> {
    const started = performance.now();
    try {
      const value = await body();
      this.records.push({ name, status: "ok", ms: performance.now() - started, detail: detail(value) });
      return value;
    } catch (error) {
      const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      this.records.push({ name, status: "failed", ms: performance.now() - started, detail: message });
      throw error;
    }
  }

  skip(name: PhaseName, detail: string): void {
    this.records.push({ name, status: "skipped", ms: 0, detail });
  }
}

/** Counts by status class and the last requests through the gate, in a fixed-size ring. */

export const RECENT_LIMIT = 100;

export interface RequestSample {
  readonly method: string;
  /** Path without the query string (queries may carry tokens). */
  readonly path: string;
  /** 0 when the connection closed before a response. */
  readonly status: number;
  readonly ms: number;
  /** Date.now() when the request arrived. */
  readonly at: number;
  /** The service that answered, when the gate routes among several. */
  readonly service?: string | undefined;
}

export type StatusClass = "1xx" | "2xx" | "3xx" | "4xx" | "5xx" | "no response";

export interface GateStats {
  readonly total: number;
  readonly byClass: Readonly<Record<StatusClass, number>>;
  /** The last RECENT_LIMIT requests, oldest first. */
  readonly recent: readonly RequestSample[];
  /** Requests each service answered, when the gate routes among several. */
  readonly byService?: Readonly<Record<string, number>>;
}

export function statusClass(status: number): StatusClass {
  if (status >= 100 && status < 600) return `${Math.floor(status / 100)}xx` as StatusClass;
  return "no response";
}

export class StatsCollector {
  readonly #ring: (RequestSample | undefined)[] = new Array(RECENT_LIMIT);
  #next = 0;
  #total = 0;
  readonly #byClass: Record<StatusClass, number> = {
    "1xx": 0,
    "2xx": 0,
    "3xx": 0,
    "4xx": 0,
    "5xx": 0,
    "no response": 0,
  };

  readonly #byService: Record<string, number> = {};

  add(sample: RequestSample): void {
    if (sample.service !== undefined)
      this.#byService[sample.service] = (this.#byService[sample.service] ?? 0) + 1;
    this.#ring[this.#next] = sample;
    this.#next = (this.#next + 1) % RECENT_LIMIT;
    this.#total++;
    this.#byClass[statusClass(sample.status)]++;
  }

  snapshot(): GateStats {
    const recent: RequestSample[] = [];
    for (let i = 0; i < RECENT_LIMIT; i++) {
      const sample = this.#ring[(this.#next + i) % RECENT_LIMIT];
      if (sample) recent.push(sample);
    }
    const services = Object.keys(this.#byService).length > 0 ? { byService: { ...this.#byService } } : {};
    return { total: this.#total, byClass: { ...this.#byClass }, recent, ...services };
  }
}

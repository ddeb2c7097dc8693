/** One way a response differed from what a scenario expected, as expected vs actual. */
export interface Mismatch {
  /** "status", "body contains", "JSON $.ok", "header content-type", "latency". */
  readonly what: string;
  readonly expected: string;
  readonly actual: string;
}

/**
 * How inputs are described (InputSpec: what action.yml, the README and `--help` show) and read
 * (InputReader: by name, with each one's documented default). The reader collects every
 * invalid input instead of stopping at the first, so a run reports all its bad inputs at once,
 * in the order of the inputs, including those found only when resolving (a missing file).
 */
import { ConfigError, InputError } from "../../errors.js";

export interface InputSpec {
  readonly description: string;
  /** Default as a string, exactly as action.yml declares it ("" when there is none). */
  readonly default: string;
  /** Placeholder for the CLI help, e.g. "<command>". */
  readonly placeholder: string;
}

/** Parses one input's raw value; throws an InputError naming `input`. */
export type Parser<T> = (input: string, raw: string) => T;

/** Fields to read together: each an input's name and its parser. */
export type Fields<N extends string> = Readonly<Record<string, readonly [N, Parser<unknown>]>>;

/** The values of `Fields`, each typed by its parser. */
export type FieldValues<F> = {
  readonly [K in keyof F]: F[K] extends readonly [string, Parser<infer T>] ? T : never;
};

type Attempt<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

export class InputReader<N extends string> {
  /** Every problem found so far, in the order found (throwIfInvalid sorts them by input). */
  readonly problems: InputError[] = [];
  readonly #rank = new Map<InputError, number>();
  readonly #order: readonly string[];

  constructor(
    private readonly source: (name: N) => string | undefined,
    private readonly specs: Readonly<Record<N, Pick<InputSpec, "default">>>,
  ) {
    this.#order = Object.keys(specs);
  }

  /** The given value, or the default when the input is missing or blank. */
  raw(name: N): string {
    const value = this.source(name);
    return value === undefined || value.trim() === "" ? this.specs[name].default : value;
  }

  /** Parses one input; on an InputError remembers it and returns undefined. */
  read<T>(name: N, parse: Parser<T>): T | undefined {
    const attempt = this.#attempt(name, parse);
    return attempt.ok ? attempt.value : undefined;
  }

  /** Like read(), but an invalid value yields its default (its problem is still reported). */
  readOrDefault<T>(name: N, parse: Parser<T>): T {
    const attempt = this.#attempt(name, parse);
    return attempt.ok ? attempt.value : parse(name, this.specs[name].default);
  }

  /**
   * Reads every field; all their values when each is valid, otherwise undefined (the problems
   * are kept). Values may themselves be undefined ("not given"): only a problem fails.
   */
  readAll<F extends Fields<N>>(fields: F): FieldValues<F> | undefined {
    const values: Record<string, unknown> = {};
    let valid = true;
    for (const [key, [name, parse]] of Object.entries(fields)) {
      const attempt = this.#attempt(name, parse);
      if (attempt.ok) values[key] = attempt.value;
      else valid = false;
    }
    // The one cast of the reader: `values` holds each field's parsed value under its key.
    return valid ? (values as FieldValues<F>) : undefined;
  }

  /** A problem with `name` found after reading it (a file, a browser): reported with the others. */
  report(name: N, error: InputError): void {
    this.problems.push(error);
    this.#rank.set(error, this.#order.indexOf(name));
  }

  /** Runs `check`; its InputError is reported for `name` (and undefined returned). */
  check<T>(name: N, check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.report(name, error);
      return undefined;
    }
  }

  /** Throws one ConfigError listing every invalid input read so far, in the inputs' order. */
  throwIfInvalid(): void {
    if (this.problems.length === 0) return;
    const rank = (problem: InputError) => this.#rank.get(problem) ?? Number.MAX_SAFE_INTEGER;
    throw new ConfigError(this.problems.toSorted((a, b) => rank(a) - rank(b)));
  }

  /**
   * `value` when every input read so far is valid; otherwise the ConfigError listing the
   * problems (a value left undefined always comes with its problem: the reader's invariant).
   */
  complete<T>(value: T | undefined): T {
    this.throwIfInvalid();
    if (value === undefined) throw new Error("An input was invalid but no problem was reported.");
    return value;
  }

  #attempt<T>(name: N, parse: Parser<T>): Attempt<T> {
    try {
      return { ok: true, value: parse(name, this.raw(name)) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.report(name, error);
      return { ok: false };
    }
  }
}

/**
 * Reads inputs by name, applying each one's documented default, and collects every invalid
 * one instead of stopping at the first, so a run reports all its bad inputs at once.
 */
import { ConfigError, InputError } from "../errors.js";
import type { InputSpec } from "./names.js";

export class InputReader<N extends string> {
  readonly problems: InputError[] = [];

  constructor(
    private readonly source: (name: N) => string | undefined,
    private readonly specs: Readonly<Record<N, Pick<InputSpec, "default">>>,
  ) {}

  /** The given value, or the default when the input is missing or blank. */
  raw(name: N): string {
    const value = this.source(name);
    return value === undefined || value.trim() === "" ? this.specs[name].default : value;
  }

  /** Parses one input; on an InputError remembers it and returns undefined. */
  read<T>(name: N, parse: (input: string, value: string) => T): T | undefined {
    try {
      return parse(name, this.raw(name));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.problems.push(error);
      return undefined;
    }
  }

  /** Like read(), but an invalid value yields its default (its problem is still reported). */
  readOrDefault<T>(name: N, parse: (input: string, value: string) => T): T {
    const before = this.problems.length;
    const value = this.read(name, parse);
    return this.problems.length > before ? parse(name, this.specs[name].default) : (value as T);
  }

  /** Throws one ConfigError listing every invalid input read so far. */
  throwIfInvalid(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

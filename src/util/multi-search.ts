/**
 * Finds many literal strings in a text in one pass (Wu-Manber): a shift table over 3-character
 * blocks lets the scan skip ahead by up to the shortest pattern's length, so the cost of a
 * text without any pattern barely depends on how many patterns there are. A RegExp
 * alternation or one `includes` per pattern both cost time per pattern on every text (the
 * HAR recorder runs every body through this), and the npm Aho-Corasick packages step through
 * every character in JS and are not kept up; this is small enough to own.
 */

/** Characters per block of the shift table. */
const BLOCK = 3;
const TABLE_BITS = 15;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

const blockHash = (text: string, end: number): number =>
  ((text.charCodeAt(end - 2) << 10) ^ (text.charCodeAt(end - 1) << 5) ^ text.charCodeAt(end)) & TABLE_MASK;

export interface Match {
  readonly start: number;
  readonly end: number;
}

export class MultiSearch {
  /** Length of the shortest pattern: the window the shift table looks at. */
  readonly #window: number;
  readonly #shift: Uint16Array;
  /** Patterns whose first `window` characters end in a block with this hash, longest first. */
  readonly #buckets = new Map<number, string[]>();

  /** Patterns shorter than 3 characters are ignored. */
  constructor(patterns: Iterable<string>) {
    const usable = [...new Set(patterns)]
      .filter((p) => p.length >= BLOCK)
      .sort((a, b) => b.length - a.length);
    this.#window = usable.length === 0 ? 0 : Math.min(...usable.map((p) => p.length));
    const m = this.#window;
    this.#shift = new Uint16Array(1 << TABLE_BITS).fill(Math.max(1, m - BLOCK + 1));
    for (const pattern of usable) {
      for (let end = BLOCK - 1; end < m; end++) {
        const h = blockHash(pattern, end);
        const shift = m - 1 - end;
        if (shift < (this.#shift[h] as number)) this.#shift[h] = shift;
      }
      const h = blockHash(pattern, m - 1);
      const bucket = this.#buckets.get(h);
      if (bucket) bucket.push(pattern);
      else this.#buckets.set(h, [pattern]);
    }
  }

  get empty(): boolean {
    return this.#window === 0;
  }

  /** The leftmost match at or after `from` (the longest pattern starting there), or undefined. */
  next(text: string, from = 0): Match | undefined {
    const m = this.#window;
    if (m === 0) return undefined;
    const n = text.length;
    const shift = this.#shift;
    let pos = from + m - 1;
    while (pos < n) {
      const h = blockHash(text, pos);
      const s = shift[h] as number;
      if (s > 0) {
        pos += s;
        continue;
      }
      const start = pos - m + 1;
      for (const pattern of this.#buckets.get(h) ?? []) {
        if (text.startsWith(pattern, start)) return { start, end: start + pattern.length };
      }
      pos++;
    }
    return undefined;
  }

  /** True when any pattern occurs in the text. */
  test(text: string): boolean {
    return this.next(text) !== undefined;
  }

  /** Every non-overlapping match replaced (leftmost first, longest at each place). */
  replace(text: string, replacement: string): string {
    let match = this.next(text);
    if (match === undefined) return text;
    let out = "";
    let last = 0;
    while (match !== undefined) {
      out += text.slice(last, match.start) + replacement;
      last = match.end;
      match = this.next(text, last);
    }
    return out + text.slice(last);
  }
}

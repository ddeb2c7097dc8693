/**
 * Where a JSON text first goes wrong, as a line and column. V8's JSON.parse names a position
 * for some errors only ("Unexpected token ',', ...[,]... is not valid JSON" has none), and a
 * user fixing a large file needs the line. Run only after JSON.parse failed: a scanner of
 * JSON's grammar (RFC 8259) that keeps a stack instead of recursing, so any depth is fine.
 */

const WS = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

type Expect = "value" | "key" | "colon" | "comma-or-end" | "end";

/** The offset of the first error in `text`, or undefined when it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  const stack: ("{" | "[")[] = [];
  let expect = "value" as Expect;
  /** After "[" or "{": the container may close at once. */
  let justOpened = false;
  let i = 0;
  const afterValue = () => {
    expect = stack.length === 0 ? "end" : "comma-or-end";
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (WS.has(c)) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (expect === "end") return i;
    if (expect === "comma-or-end" || justOpened) {
      const closes = (c === "]" && top === "[") || (c === "}" && top === "{");
      if (closes) {
        stack.pop();
        justOpened = false;
        i++;
        afterValue();
        continue;
      }
      if (justOpened) justOpened = false;
      else if (c === ",") {
        expect = top === "{" ? "key" : "value";
        i++;
        continue;
      } else return i;
    }
    if (expect === "colon") {
      if (c !== ":") return i;
      expect = "value";
      i++;
      continue;
    }
    if (expect === "key") {
      STRING.lastIndex = i;
      if (!STRING.test(text)) return i;
      i = STRING.lastIndex;
      expect = "colon";
      continue;
    }
    // A value.
    if (c === "{" || c === "[") {
      stack.push(c);
      justOpened = true;
      expect = c === "{" ? "key" : "value";
      i++;
      continue;
    }
    const pattern = c === '"' ? STRING : NUMBER;
    pattern.lastIndex = i;
    if (pattern.test(text)) i = pattern.lastIndex;
    else {
      const literal = ["true", "false", "null"].find((word) => text.startsWith(word, i));
      if (literal === undefined) return i;
      i += literal.length;
    }
    afterValue();
  }
  return expect === "end" ? undefined : text.length;
}

/** "line L column C" of `offset` (both from 1). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * The one path every decision of the gate is made on (webhook prefixes, the reserved
 * /__preview/ namespace, the login link, the identity provider, the probe): the request's
 * path percent-decoded once. A path whose meaning depends on who reads it is refused instead
 * of being normalised, so the app receives byte for byte the path the gate judged, and any
 * app that decodes it once (every common framework) sees the path the gate decided on:
 *
 * - dot segments (`.`, `..`, also `%2e%2e`, `.%2E`, `..;x` as Tomcat reads them): RFC 3986
 *   5.2.4 would remove them, servers and frameworks disagree on when;
 * - encoded `/`, `\` or NUL (`%2f`, `%5c`, `%00`): one reader splits there, another does not;
 * - a raw backslash (Windows-minded servers treat it as `/`), a fragment, a control character;
 * - percent-encoding that is invalid or decodes to invalid UTF-8 (overlong `%c0%ae`), and
 *   double encoding of `.`, `/`, `\`, `%` or NUL (`%252e`: an app that decodes twice sees `.`);
 * - anything but an origin-form target (`/...`) or `*`, and a path starting with `//` (URL
 *   parsers read it as a host name).
 *
 * Comparisons stay case-sensitive (RFC 3986 6.2.2.1): `/HOOKS/github` is not under
 * `/hooks/github`, so it gets no webhook exemption and needs sign-in (it fails closed).
 * Empty segments (`/a//b`) and `;` parameters are kept: they cannot climb out of a prefix.
 *
 * Hand-written rather than `new URL()`: WHATWG URL parsing normalises silently (it resolves
 * `%2e%2e`, turns `\` into `/`), which is exactly what must be refused here, and this runs
 * for every request (a plain path costs one scan and no allocation).
 */

/** Why a path was refused: the gate answers 400 with this text. */
export interface PathRefusal {
  readonly refused: string;
}

/** The decoded path, or why it is refused. */
export type PathVerdict = string | PathRefusal;

const refuse = (refused: string): PathRefusal => Object.freeze({ refused });
const NOT_ORIGIN_FORM = refuse("the request target must be a path starting with /");
const DOUBLE_SLASH = refuse("the path must not start with // (it reads as a host name)");
const DOT_SEGMENT = refuse('the path must not hold "." or ".." segments');
const BACKSLASH = refuse("the path must not hold a backslash");
const FRAGMENT = refuse("the request target must not hold a fragment (#)");
const CONTROL = refuse("the path must not hold control characters");
const ENCODED_SEPARATOR = refuse("the path must not hold an encoded /, \\ or NUL (%2F, %5C, %00)");
const BAD_ENCODING = refuse("the path holds invalid percent-encoding");
const DOUBLE_ENCODING = refuse("the path must not hold double-encoded characters (%25 followed by hex)");

const SLASH = 0x2f;
const DOT = 0x2e;
const PERCENT = 0x25;
const SEMICOLON = 0x3b;

/** Whether the code unit at `i` ends a segment ('/', ';', or the end). */
function endsSegment(path: string, i: number): boolean {
  if (i >= path.length) return true;
  const c = path.charCodeAt(i);
  return c === SLASH || c === SEMICOLON;
}

/** Whether a segment starting at `start` (after a '/') is "." or "..", with or without ";...". */
function isDotSegment(path: string, start: number): boolean {
  if (path.charCodeAt(start) !== DOT) return false;
  if (endsSegment(path, start + 1)) return true;
  return path.charCodeAt(start + 1) === DOT && endsSegment(path, start + 2);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** The byte a "%XY" at `i` encodes, or -1 when it is not one. */
function encodedByte(path: string, i: number): number {
  if (i + 2 >= path.length) return -1;
  const high = hexValue(path.charCodeAt(i + 1));
  const low = hexValue(path.charCodeAt(i + 2));
  return high < 0 || low < 0 ? -1 : high * 16 + low;
}

/**
 * Checks a request's path (the request target without its query) and returns it decoded.
 * A path without "%" is returned as the same string.
 */
export function requestPath(pathname: string): PathVerdict {
  if (pathname.charCodeAt(0) !== SLASH) return pathname === "*" ? pathname : NOT_ORIGIN_FORM;
  if (pathname.charCodeAt(1) === SLASH) return DOUBLE_SLASH;
  let encoded = false;
  for (let i = 0; i < pathname.length; i++) {
    const c = pathname.charCodeAt(i);
    if (c === SLASH) {
      if (isDotSegment(pathname, i + 1)) return DOT_SEGMENT;
    } else if (c === PERCENT) {
      const byte = encodedByte(pathname, i);
      if (byte < 0) return BAD_ENCODING;
      if (byte === SLASH || byte === 0x5c || byte === 0) return ENCODED_SEPARATOR;
      encoded = true;
      i += 2;
    } else if (c === 0x5c) {
      return BACKSLASH;
    } else if (c === 0x23) {
      return FRAGMENT;
    } else if (c <= 0x20 || c === 0x7f) {
      return CONTROL;
    }
  }
  return encoded ? decoded(pathname) : pathname;
}

/** The slow path, for paths with percent-encoding: decode, then check what came out. */
function decoded(pathname: string): PathVerdict {
  let path: string;
  try {
    // Throws on a malformed sequence and on invalid UTF-8 (overlong forms included).
    path = decodeURIComponent(pathname);
  } catch {
    return BAD_ENCODING;
  }
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === SLASH) {
      if (isDotSegment(path, i + 1)) return DOT_SEGMENT;
    } else if (c === PERCENT) {
      const byte = encodedByte(path, i);
      if (byte === DOT || byte === SLASH || byte === 0x5c || byte === PERCENT || byte === 0)
        return DOUBLE_ENCODING;
    } else if (c === 0x5c) {
      return BACKSLASH;
    } else if (c < 0x20 || c === 0x7f) {
      return CONTROL;
    }
  }
  return path;
}

/** "/hooks" is under "/hooks" and "/hooks/x", not "/hooksx"; "/" is under everything. */
export function isUnder(path: string, prefix: string): boolean {
  if (prefix === "/") return true;
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || path.charCodeAt(prefix.length) === SLASH;
}

import { describe, expect, it } from "vitest";
import { SecretMatcher, safeEqual } from "../../src/util/secure-compare.js";

describe("SecretMatcher", () => {
  const secret = "alice:correct horse battery staple";
  const base64 = Buffer.from(secret).toString("base64");
  const matcher = new SecretMatcher(Buffer.from(secret));

  it("matches the secret, decoded from base64 or as UTF-8", () => {
    expect(matcher.matches(base64, "base64")).toBe(true);
    expect(new SecretMatcher(Buffer.from("tökén-1")).matches("tökén-1", "utf8")).toBe(true);
  });

  it("refuses a prefix, an extension, one changed byte and the empty value", () => {
    for (const given of [secret.slice(0, -1), `${secret}x`, secret.replace("staple", "stapla"), ""])
      expect(matcher.matches(Buffer.from(given).toString("base64"), "base64"), given).toBe(false);
  });

  it("refuses a prefix right after the secret itself was given (nothing is left over)", () => {
    expect(matcher.matches(secret, "utf8")).toBe(true);
    expect(matcher.matches(secret.slice(0, 10), "utf8")).toBe(false);
  });

  it("refuses values longer than its buffer, and handles secrets longer than 256 bytes", () => {
    expect(matcher.matches(secret + "x".repeat(1000), "utf8")).toBe(false);
    const long = "k".repeat(700);
    const big = new SecretMatcher(Buffer.from(long));
    expect(big.matches(long, "utf8")).toBe(true);
    expect(big.matches(long.slice(1), "utf8")).toBe(false);
    expect(big.matches(`${long}k`, "utf8")).toBe(false);
  });
});

describe("safeEqual", () => {
  it("is equality of content, whatever the lengths", () => {
    expect(safeEqual("same", Buffer.from("same"))).toBe(true);
    expect(safeEqual("same", "some")).toBe(false);
    expect(safeEqual("same", "same ")).toBe(false);
  });
});

import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readStatusZip } from "../../src/relay/read.js";
import { DEFAULT_READ_LIMITS } from "../../src/relay/settings.js";
import { makeZip, statusZip } from "../helpers/zip.js";

const limits = DEFAULT_READ_LIMITS;
const STATUS = { schema: 1, sequence: 1, status: "starting" };
const MB = 1024 * 1024;

describe("readStatusZip", () => {
  it("reads status.json as JSON, whatever else the zip holds", async () => {
    expect(await readStatusZip(statusZip(STATUS), limits)).toEqual({ ok: true, value: STATUS });
    const zip = makeZip([
      { name: "notes.txt", data: Buffer.from("hello") },
      { name: "status.json", data: Buffer.from(JSON.stringify(STATUS)), method: 0 },
    ]);
    expect(await readStatusZip(zip, limits)).toEqual({ ok: true, value: STATUS });
  });

  it("refuses a zip bomb whose header declares its true size, before inflating it", async () => {
    const bomb = makeZip([{ name: "status.json", data: Buffer.alloc(20 * MB, 0x20) }]);
    expect(bomb.length).toBeLessThan(limits.zipBytes); // small enough to be downloaded
    expect(await readStatusZip(bomb, limits)).toEqual({
      ok: false,
      reason: "the status.json is larger than 16384 bytes",
    });
  });

  it("refuses a zip bomb whose header lies about its size, as soon as it inflates past it", async () => {
    const bomb = makeZip([{ name: "status.json", data: Buffer.alloc(20 * MB, 0x20), declaredSize: 100 }]);
    const result = await readStatusZip(bomb, limits);
    expect(result).toMatchObject({ ok: false, reason: "the artifact is not a readable zip" });
    expect(result.ok === false && result.detail).toMatch(/too many bytes/);
  });

  it("refuses what is too large, too crowded, missing, doubled, not UTF-8, not JSON or not a zip", async () => {
    const read = (zip: Buffer) => readStatusZip(zip, limits);
    expect(await read(Buffer.alloc(limits.zipBytes + 1))).toEqual({
      ok: false,
      reason: "the artifact is larger than 65536 bytes",
    });
    const crowd = Array.from({ length: 9 }, (_, i) => ({ name: `f${i}`, data: Buffer.from("x") }));
    expect(await read(makeZip(crowd))).toEqual({
      ok: false,
      reason: "the artifact holds 9 files, more than 8",
    });
    expect(await read(makeZip([{ name: "other.json", data: Buffer.from("{}") }]))).toEqual({
      ok: false,
      reason: "the artifact has no status.json",
    });
    const twice = makeZip([
      { name: "status.json", data: Buffer.from("{}") },
      { name: "status.json", data: Buffer.from("{}") },
    ]);
    expect(await read(twice)).toEqual({ ok: false, reason: "the artifact holds status.json more than once" });
    expect(await read(makeZip([{ name: "status.json", data: Buffer.from([0xff, 0xfe, 0x7b]) }]))).toEqual({
      ok: false,
      reason: "status.json is not UTF-8 text",
    });
    expect(await read(statusZip("{not json"))).toEqual({ ok: false, reason: "status.json is not JSON" });
    expect(await read(Buffer.from("PK but not really a zip"))).toMatchObject({
      ok: false,
      reason: "the artifact is not a readable zip",
    });
    // A file just over the cap, compressed small enough to pass the zip's own size.
    const big = deflateRawSync(Buffer.alloc(limits.fileBytes + 1));
    expect(big.length).toBeLessThan(limits.zipBytes);
    expect(
      await read(makeZip([{ name: "status.json", data: Buffer.alloc(limits.fileBytes + 1, 0x20) }])),
    ).toEqual({
      ok: false,
      reason: "the status.json is larger than 16384 bytes",
    });
  });
});

/**
 * `order: shuffled | reversed` for a list of events. A shuffle is seeded (mulberry32, a small
 * well-known PRNG: no library needed for 10 lines) and the seed is reported, so a failing
 * order can be replayed with `seed:`.
 */
import { randomInt } from "node:crypto";
import type { DeliveryOrder } from "./types.js";

/** A 32-bit seed for a scenario that gave none. */
export function newSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The items in `order` (a Fisher-Yates shuffle drawn from `seed` for "shuffled"). */
export function ordered<T>(items: readonly T[], order: DeliveryOrder, seed: number): T[] {
  if (order === "reversed") return [...items].reverse();
  if (order === "as-listed") return [...items];
  const random = mulberry32(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The inspector's memory: the ring keeps the last N exchanges with ids that only grow, drops
 * the oldest details beyond the byte budget (summaries stay), answers "what came after id"
 * with how many are gone, links replays to their original; replay tickets are single-use,
 * expire and are bounded in number; replay edits are checked.
 */
import { describe, expect, it } from "vitest";
import { Feed } from "../../src/gate/inspector/feed.js";
import { checkEdits } from "../../src/gate/inspector/replay.js";
import { ReplayTickets } from "../../src/gate/inspector/tickets.js";
import { captureExchange } from "../../src/gate/recorder.js";

function exchange(path: string, bodyBytes = 0) {
  const recorded = captureExchange(
    1024,
    "POST",
    `https://preview.test${path}`,
    "1.1",
    ["Host", "preview.test"],
    Date.now(),
    "203.0.113.9",
  );
  if (bodyBytes > 0) recorded.requestBody(Buffer.alloc(bodyBytes, 0x61));
  recorded.response(200, "OK", ["Content-Type", "text/plain"], "1.1");
  recorded.responseBody(Buffer.from("ok"));
  const started = performance.now();
  recorded.finish({ started, sentAt: started, firstByteAt: started });
  return { recorded };
}

describe("the inspector's feed", () => {
  it("keeps the last `entries` exchanges with increasing ids and says how many are gone", () => {
    const feed = new Feed({ entries: 3, detailBytes: 1024 * 1024 });
    expect(feed.newest).toBe(0);
    expect(feed.after(0)).toEqual({ items: [], missed: 0 });
    const ids = ["/a", "/b", "/c", "/d", "/e"].map((p) => feed.add(exchange(p)).id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(feed.oldest).toBe(3);
    expect(feed.get(2)).toBeUndefined();
    expect(feed.get(3)?.url).toBe("https://preview.test/c");
    expect(feed.get(6)).toBeUndefined();
    expect(feed.get(0)).toBeUndefined();
    const after1 = feed.after(1);
    expect(after1.items.map((i) => i.id)).toEqual([3, 4, 5]);
    expect(after1.missed).toBe(1);
    expect(feed.after(4).items.map((i) => i.id)).toEqual([5]);
    expect(feed.after(4).missed).toBe(0);
    expect(feed.after(5).items).toEqual([]);
    expect(feed.all().map((i) => i.id)).toEqual([3, 4, 5]);
  });

  it("drops the oldest details beyond the byte budget, keeping their summaries and the newest detail", () => {
    // Each holds 1024 + 2 body bytes and 2048 for the rest.
    const feed = new Feed({ entries: 100, detailBytes: 3 * (1026 + 2048) });
    for (let i = 1; i <= 5; i++) feed.add(exchange(`/big/${i}`, 1024));
    expect(feed.all().length).toBe(5);
    expect(
      feed
        .all()
        .filter((i) => i.recorded !== undefined)
        .map((i) => i.id),
    ).toEqual([3, 4, 5]);
    expect(feed.get(1)?.method).toBe("POST");
    expect(feed.get(1)?.requestBytes).toBe(1024);
    expect(feed.detailBytes).toBe(3 * (1026 + 2048));
    // One exchange larger than the whole budget still keeps its own detail.
    const tiny = new Feed({ entries: 10, detailBytes: 10 });
    tiny.add(exchange("/x", 1000));
    tiny.add(exchange("/y", 1000));
    expect(tiny.get(1)?.recorded).toBeUndefined();
    expect(tiny.get(2)?.recorded).toBeDefined();
  });

  it("links a replay to its original and settles the ticket with the new id", async () => {
    const feed = new Feed({ entries: 10, detailBytes: 1024 * 1024 });
    feed.add(exchange("/hook"));
    const tickets = new ReplayTickets();
    const issued = tickets.issue(1, "alice");
    if (!issued) throw new Error("no ticket");
    const ticket = tickets.redeem(issued.value);
    expect(ticket).toMatchObject({ of: 1, user: "alice" });
    const item = feed.add({ ...exchange("/hook"), replay: ticket });
    expect(await issued.recorded).toBe(item.id);
    expect(feed.get(1)?.replays).toEqual([2]);
    expect(item.replayOf).toBe(1);
  });
});

describe("replay tickets", () => {
  it("are single-use, expire after a minute, and are bounded in number", () => {
    let now = 1_000_000;
    const tickets = new ReplayTickets(() => now);
    const a = tickets.issue(7, undefined);
    expect(a?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tickets.redeem(a?.value)).toMatchObject({ of: 7 });
    expect(tickets.redeem(a?.value)).toBeUndefined();
    expect(tickets.redeem("made-up")).toBeUndefined();
    expect(tickets.redeem(undefined)).toBeUndefined();
    const b = tickets.issue(8, undefined);
    now += 60_000;
    expect(tickets.redeem(b?.value)).toBeUndefined();
    const open = Array.from({ length: 64 }, (_, i) => tickets.issue(i + 1, undefined));
    expect(open.every((t) => t !== undefined)).toBe(true);
    expect(tickets.issue(99, undefined)).toBeUndefined();
    // Expired ones make room again.
    now += 60_001;
    expect(tickets.issue(99, undefined)).toBeDefined();
  });
});

describe("replay edits", () => {
  it("accept headers as pairs, a text or base64 body and sign; refuse anything else with the reason", () => {
    expect(checkEdits({})).toEqual({});
    expect(checkEdits({ headers: [["X-A", "1"]], body: "{}", sign: false })).toEqual({
      headers: [["X-A", "1"]],
      body: "{}",
      sign: false,
    });
    expect(checkEdits({ bodyBase64: "AAEC" })).toEqual({ bodyBase64: "AAEC" });
    expect(checkEdits([])).toBe("the body must be a JSON object");
    expect(checkEdits({ url: "http://elsewhere" })).toBe('unknown field "url"');
    expect(checkEdits({ headers: [["Bad Name", "x"]] })).toBe(
      'header name "Bad Name" is not a valid HTTP token',
    );
    expect(checkEdits({ headers: [["X-A", "a\r\nX-Injected: 1"]] })).toBe(
      "the value of X-A must not hold CR, LF or NUL",
    );
    expect(checkEdits({ headers: { "X-A": "1" } })).toBe('"headers" must be a list of [name, value] pairs');
    expect(checkEdits({ body: 1 })).toBe('"body" must be a string');
    expect(checkEdits({ bodyBase64: "not base64!" })).toBe('"bodyBase64" must be base64');
    expect(checkEdits({ body: "a", bodyBase64: "AA==" })).toBe('give "body" or "bodyBase64", not both');
    expect(checkEdits({ sign: "yes" })).toBe('"sign" must be true or false');
  });
});

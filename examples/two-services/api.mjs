// The JSON API of the two-services example: /health, /items, and /items/<id>. It knows
// nothing of the /api prefix the preview puts it under (services.yml: strip-prefix).
import http from "node:http";

const items = [
  { id: 1, name: "Keyboard", stock: 12 },
  { id: 2, name: "Monitor", stock: 3 },
  { id: 3, name: "Cable", stock: 140 },
];

const send = (res, status, body) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://api");
    if (url.pathname === "/health") return send(res, 200, { ok: true });
    if (url.pathname === "/items") return send(res, 200, items);
    const one = /^\/items\/(\d+)$/.exec(url.pathname);
    const item = one && items.find((i) => i.id === Number(one[1]));
    if (item) return send(res, 200, item);
    send(res, 404, { error: `no such resource: ${url.pathname}` });
  })
  .listen(Number(process.env.PORT || 4000), "127.0.0.1", () =>
    console.log(`api: listening on ${process.env.PORT}`),
  );

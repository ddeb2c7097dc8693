// The static frontend of the two-services example: serves public/ (the page fetches
// /api/items from the browser, through the same preview URL), /health, and /status, where
// the server itself asks the API at API_URL (the local URL preview-tunnel gives it).
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("./public/", import.meta.url));
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css" };

http
  .createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://web");
    if (url.pathname === "/health") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok\n");
      return;
    }
    if (url.pathname === "/status") {
      const api = await fetch(`${process.env.API_URL}/health`).then(
        (r) => r.ok,
        () => false,
      );
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ web: true, api, apiUrl: process.env.API_URL }));
      return;
    }
    const file = path.join(root, url.pathname === "/" ? "index.html" : url.pathname);
    if (!file.startsWith(root)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found\n");
    }
  })
  .listen(Number(process.env.PORT || 3000), "127.0.0.1", () =>
    console.log(`web: listening on ${process.env.PORT}, API at ${process.env.API_URL}`),
  );

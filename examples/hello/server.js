// The example app under test: no dependencies, listens on PORT, answers /health and a page
// at /. Set START_DELAY_MS to make it start slowly (as real apps do).
import http from "node:http";

const port = Number(process.env.PORT || 3000);
const delay = Number(process.env.START_DELAY_MS || 0);

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>hello preview</title></head>
<body><h1>Hello from the preview</h1><p>Served by examples/hello.</p></body>
</html>
`;

const server = http.createServer((req, res) => {
  if (req.url === "/health") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, uptime: process.uptime() }));
    return;
  }
  if (req.url === "/" && req.method === "GET") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(page);
    return;
  }
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found\n");
});

setTimeout(() => {
  server.listen(port, () => console.log(`hello: listening on http://localhost:${port}`));
}, delay);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.log(`hello: ${signal}, shutting down`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

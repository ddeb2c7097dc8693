// The web service of the Compose example: a page, and /health, which answers 200 only while
// Postgres accepts connections (a TCP connect to db:5432; the example needs no npm packages).
import http from "node:http";
import net from "node:net";

const db = { host: process.env.DATABASE_HOST ?? "db", port: Number(process.env.DATABASE_PORT ?? 5432) };

function databaseUp() {
  return new Promise((resolve) => {
    const socket = net.connect(db, () => {
      socket.destroy();
      resolve(true);
    });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

http
  .createServer(async (req, res) => {
    const up = await databaseUp();
    if (req.url === "/health") {
      res.writeHead(up ? 200 : 503, { "content-type": "text/plain" });
      res.end(up ? "ok\n" : "database unreachable\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><title>compose example</title><h1>Hello from Docker Compose</h1><p>Postgres at ${db.host}:${db.port} is ${up ? "up" : "down"}.</p><p>Public URL: ${process.env.PREVIEW_URL || "(none)"}</p>\n`,
    );
  })
  .listen(3000, "0.0.0.0", () => console.log("compose web: listening on 3000"));

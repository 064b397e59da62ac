#!/usr/bin/env node
// serve.mjs — a tiny static file server for web/dist (the built page): GET
// and HEAD only, the right MIME types (application/wasm for the module),
// gzip when the browser accepts it, nothing server-side. Used by
// scripts/serve, the browser tests and the performance script.
//
//   node web/scripts/serve.mjs [--dir web/dist] [--port 8000] [--host 127.0.0.1]
//
// With --port 0 the system picks a free port. If the port is taken, the next
// ones are tried (up to 20).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ttf', '.txt', '.map']);

// Starts serving `dir`; resolves with { server, url, stats } once listening.
// stats counts the requests answered and the bytes of their bodies as sent
// (compressed when they were): the performance script's transfer size.
export async function startServer({ dir, port = 8000, host = '127.0.0.1', quiet = true } = {}) {
  const root = resolve(dir);
  const stats = { requests: 0, bytes: 0, files: [] };
  const gzipCache = new Map(); // path -> { mtimeMs, body }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
        return;
      }
      const ext = extname(path);
      const headers = {
        'Content-Type': TYPES[ext] ?? 'application/octet-stream',
        // Hashed assets never change; the page itself always revalidates.
        'Cache-Control': url.pathname.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      let body;
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        let cached = gzipCache.get(path);
        if (!cached || cached.mtimeMs !== info.mtimeMs) {
          cached = { mtimeMs: info.mtimeMs, body: gzipSync(await readFile(path), { level: 9 }) };
          gzipCache.set(path, cached);
        }
        body = cached.body;
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      } else {
        body = await readFile(path);
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      if (req.method === 'GET') {
        stats.requests++;
        stats.bytes += body.length;
        stats.files.push({ path: url.pathname, bytes: body.length, gzip: headers['Content-Encoding'] === 'gzip' });
      }
      if (!quiet) console.log(`${req.method} ${url.pathname} 200 ${body.length}`);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });

  for (let attempt = 0; ; attempt++) {
    const tryPort = port === 0 ? 0 : port + attempt;
    try {
      await new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(tryPort, host, () => {
          server.off('error', fail);
          ok();
        });
      });
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || port === 0 || attempt >= 20) throw error;
    }
  }
  const address = server.address();
  return { server, stats, url: `http://${host}:${address.port}/` };
}

function parseArgs(argv) {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const options = { dir: join(here, '..', 'dist'), port: 8000, host: '127.0.0.1', quiet: true };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (key === '--dir') options.dir = value();
    else if (key === '--port') options.port = Number(value());
    else if (key === '--host') options.host = value();
    else if (key === '--verbose') options.quiet = false;
    else {
      console.error(`usage: serve.mjs [--dir DIR] [--port N] [--host H] [--verbose]`);
      process.exit(2);
    }
  }
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const { url } = await startServer(options);
  console.log(`corio is served at ${url}  (Ctrl+C to stop)`);
}

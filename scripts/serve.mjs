// A small static file server for the built PWA (dist/pwa), used by `npm start` and by the
// end-to-end tests. Plain Node, so serving needs no extra dependency.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on `port` (0 picks a free one); resolves to { server, url }. */
export function serve(root, { port = 4173, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      else if (!info) file = extname(path) ? '' : join(base, 'index.html');
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // The service worker and the page must be revalidated so updates are seen.
      const fresh = /\/(sw\.js|index\.html|manifest\.webmanifest)$/.test(file);
      res.writeHead(200, {
        'content-type': type,
        'cache-control': fresh ? 'no-cache' : 'public, max-age=31536000, immutable',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500).end();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const address = server.address();
      ok({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4173);
  const host = process.env.HOST ?? '127.0.0.1';
  const { url } = await serve('dist/pwa', { port, host });
  console.log(`
Tandem is built.

  Browser extension (load unpacked): ${resolve('.output/chrome-mv3')}
  Firefox build (temporary add-on):  ${resolve('.output/firefox-mv2/manifest.json')}
  PWA:                               ${url}

Press Ctrl+C to stop the PWA server.`);
}

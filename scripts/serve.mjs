// A small static file server for the built PWA (dist/pwa), used by `npm start` and by the
// end-to-end tests. Plain Node, so serving needs no extra dependency.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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

// Sent with every response. A page's meta CSP cannot say who may frame it, so the server says
// it: no one, so no other site can lay the app under its own page and trick clicks.
const SECURITY_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/**
 * The file under `base` that a request path names, or a status code when the path is refused:
 * 400 for malformed percent-encoding, NUL bytes or backslashes, 403 for anything that resolves
 * outside `base` (including a sibling folder whose name starts with the same letters).
 */
function resolveRequestPath(base, url) {
  const raw = url.split(/[?#]/, 1)[0];
  if (!raw.startsWith('/')) return 400;
  let path;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return 400;
  }
  if (path.includes('\0') || path.includes('\\')) return 400;
  const file = resolve(base, `.${path}`);
  const rel = relative(base, file);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return 403;
  return { path, file };
}

/** Serves `root` on `port` (0 picks a free one); resolves to { server, url }. */
export function serve(root, { port = 4173, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const fail = (status, text) => res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain' }).end(text);
    try {
      const target = resolveRequestPath(base, req.url ?? '/');
      if (typeof target === 'number') {
        fail(target, target === 400 ? 'Bad request' : 'Forbidden');
        return;
      }
      const { path } = target;
      let file = target.file;
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = join(file, 'index.html');
      else if (!info) file = extname(path) ? '' : join(base, 'index.html');
      const body = file ? await readFile(file).catch(() => null) : null;
      if (!body) {
        fail(404, 'Not found');
        return;
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // The service worker and the page must be revalidated so updates are seen.
      const fresh = /(\/sw\.js|\.html|\/manifest\.webmanifest)$/.test(file);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': type,
        'cache-control': fresh ? 'no-cache' : 'public, max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (res.headersSent) res.destroy();
      else fail(500, 'Server error');
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

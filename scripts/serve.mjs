// A small static file server for the built PWA (dist/pwa), used by `npm start`, the end-to-end
// tests and the bench. Plain Node, so serving needs no extra dependency. It answers the way a
// static host does (README, "Deploying the web app"): text compressed with brotli or gzip as the
// browser accepts, hashed assets cached for a year, pages and the service worker revalidated
// (ETag), so what the bench and Lighthouse measure is what a deployed user gets.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

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

/** Types worth compressing (images are compressed already). */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg)/;

/** The encoding to send for an Accept-Encoding header: brotli, then gzip, else none. */
export function chooseEncoding(accept = '') {
  const offered = new Map();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name) => (offered.get(name) ?? (offered.has('*') ? offered.get('*') : 0)) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return null;
}

// Compressed bodies by file, encoding and content hash, shared by every server this process
// starts (each e2e test starts one): a file is compressed once, like a host's pre-compressed copy.
const compressed = new Map();

/** Serves `root` on `port` (0 picks a free one); resolves to { server, url }. */
export function serve(root, { port = 4173, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const encode = async (file, body, encoding, etag) => {
    const key = `${file}\0${encoding}\0${etag}`;
    let out = compressed.get(key);
    if (!out) {
      out =
        encoding === 'br'
          ? // The quality hosts use to compress on the fly (11 costs 30× the time for 7% fewer bytes).
            brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipAsync(body, { level: 6 });
      compressed.set(key, out);
    }
    return out;
  };
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
      // The service worker and the page must be revalidated so updates are seen; only files
      // whose names carry their content hash (assets/) may be kept unasked for a year.
      const immutable = relative(base, file).startsWith(`assets${sep}`);
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      const headers = {
        ...SECURITY_HEADERS,
        'content-type': type,
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        vary: 'Accept-Encoding',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const encoding = COMPRESSIBLE.test(type) && body.length > 1024 ? chooseEncoding(req.headers['accept-encoding']) : null;
      const sent = encoding ? await encode(file, body, encoding, etag) : body;
      if (encoding) headers['content-encoding'] = encoding;
      headers['content-length'] = sent.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
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

import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, serve } from '../../scripts/serve.mjs';

// The static server behind `npm start` and the e2e tests. Requests are sent with the raw path
// string, so neither the client nor a URL parser normalises `..` before the server sees it.

const BIG = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-serve-'));
  await mkdir(join(dir, 'pwa', 'assets'), { recursive: true });
  await writeFile(join(dir, 'pwa', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(dir, 'pwa', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'pwa', 'assets', 'big.js'), BIG);
  await writeFile(join(dir, 'pwa', 'icon.png'), new Uint8Array(4096).fill(7));
  // A sibling whose name starts with the served folder's: `startsWith(base)` alone lets it through.
  await mkdir(join(dir, 'pwa-other'));
  await writeFile(join(dir, 'pwa-other', 'x'), 'secret');
  await writeFile(join(dir, 'outside.txt'), 'secret');
  ({ server } = await serve(join(dir, 'pwa'), { port: 0 }));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  port = address.port;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

function getRaw(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks as Uint8Array[]) }));
    });
    req.on('error', fail);
    req.end();
  });
}

function get(path: string, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

function expectFrameHeaders(headers: IncomingHttpHeaders) {
  expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('serve', () => {
  it('serves a file with the frame headers', async () => {
    const res = await get('/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.body).toBe('console.log(1)');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expectFrameHeaders(res.headers);
  });

  it('serves index.html for / and for extensionless paths (the single-page fallback)', async () => {
    for (const path of ['/', '/dashboard', '/some/view?x=1']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.body).toContain('<title>app</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expectFrameHeaders(res.headers);
    }
  });

  it('answers 404 for a missing file with an extension, with the frame headers', async () => {
    const res = await get('/missing.js');
    expect(res.status).toBe(404);
    expectFrameHeaders(res.headers);
  });

  it.each([
    '/..%2fpwa-other/x',
    '/%2e%2e/pwa-other/x',
    '/%2e%2e%2fpwa-other%2fx',
    '/../pwa-other/x',
    '/assets/../../pwa-other/x',
    '/..%2foutside.txt',
    '/%2e%2e/outside.txt',
  ])('never serves a file outside the root: %s', async (path) => {
    const res = await get(path);
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toContain('secret');
    expectFrameHeaders(res.headers);
  });

  it.each(['/..%5cpwa-other/x', '/..%5Coutside.txt', '/index.html%00.js', '/%', '/%zz', '/%e0%a4%a'])(
    'refuses backslashes, NUL and malformed encoding with 400: %s',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body).not.toContain('secret');
      expectFrameHeaders(res.headers);
    },
  );

  it('answers HEAD with headers and no body', async () => {
    const res = await get('/assets/app.js', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expectFrameHeaders(res.headers);
  });

  it('compresses text with brotli or gzip as the browser accepts, and says so', async () => {
    const br = await getRaw('/assets/big.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.bytes as Uint8Array).toString()).toBe(BIG);
    expect(br.bytes.length).toBeLessThan(BIG.length / 2);
    expect(Number(br.headers['content-length'])).toBe(br.bytes.length);
    const gz = await getRaw('/assets/big.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.bytes as Uint8Array).toString()).toBe(BIG);
    expectFrameHeaders(gz.headers);
  });

  it('sends the bytes as they are without Accept-Encoding, for images, and for tiny files', async () => {
    const plain = await getRaw('/assets/big.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString()).toBe(BIG);
    const image = await getRaw('/icon.png', { 'accept-encoding': 'br, gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.bytes.length).toBe(4096);
    const tiny = await getRaw('/assets/app.js', { 'accept-encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.bytes.toString()).toBe('console.log(1)');
  });

  it('keeps hashed assets for a year; pages, icons and the worker are revalidated by ETag', async () => {
    expect((await get('/assets/app.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/icon.png')).headers['cache-control']).toBe('no-cache');
    const page = await getRaw('/');
    expect(page.headers['cache-control']).toBe('no-cache');
    const etag = page.headers.etag!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await getRaw('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expectFrameHeaders(again.headers);
  });

  it('picks the encoding by the browser’s preferences', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});

// A CouchDB-protocol server in memory (express-pouchdb on PouchDB's memory adapter) for the sync
// tests and the bench: 127.0.0.1 only, Basic authentication for the users given, CORS for any
// origin (as the README tells a real CouchDB to allow the extension's and the web app's), every
// request counted. It can stop and start again keeping its data, like a server going away.
// `node scripts/sync-server.mjs [port]` runs one for trying sync by hand (user tandem / tandem).
import { createServer } from 'node:http';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';

// The tests load these plugins too; PouchDB refuses to add replication twice.
if (!PouchDB.adapters.memory) PouchDB.plugin(memory);
if (!PouchDB.adapters.http) PouchDB.plugin(httpAdapter);
if (!('replicate' in PouchDB)) PouchDB.plugin(replication);

/** CouchDB's per-user database name for a user (couch_peruser): userdb- and the name's UTF-8 in hex. */
export function userDbName(user) {
  return `userdb-${Buffer.from(user, 'utf8').toString('hex')}`;
}

/**
 * Starts the server. `users`: { name: password }; each gets its per-user database, created
 * here as couch_peruser would (Tandem never creates it). Returns its address and controls.
 */
export async function startSyncServer({ port = 0, users = { tandem: 'tandem' } } = {}) {
  const Memory = PouchDB.defaults({ adapter: 'memory', prefix: `sync-server-${process.pid}-${Date.now()}-` });
  const app = expressPouchDB(Memory, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const passwords = { ...users };
  const requests = [];
  let received = 0;
  let quotaBytes = Infinity;
  for (const user of Object.keys(passwords)) await new Memory(userDbName(user)).info();

  let delayMs = 0;

  const server = createServer((req, res) => {
    if (delayMs > 0 && req.method !== 'OPTIONS') setTimeout(() => handle(req, res), delayMs);
    else handle(req, res);
  });
  function handle(req, res) {
    const origin = req.headers.origin;
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'accept, authorization, content-type, origin, referer');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, HEAD, DELETE');
      res.setHeader('Access-Control-Expose-Headers', 'content-type, cache-control, etag');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    requests.push({ method: req.method, url: req.url, at: Date.now() });
    received += Number(req.headers['content-length'] ?? 0);
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const [user, ...rest] = scheme === 'Basic' && encoded ? Buffer.from(encoded, 'base64').toString('utf8').split(':') : [];
    const db = decodeURIComponent((req.url ?? '/').split('/')[1]?.split('?')[0] ?? '');
    const allowed = user !== undefined && passwords[user] === rest.join(':');
    if (!allowed) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }));
      return;
    }
    // A user may change their own password, as in CouchDB (a new `password` in their _users doc).
    if (db === '_users' && decodeURIComponent((req.url ?? '').split('/')[2] ?? '') === `org.couchdb.user:${user}`) {
      const doc = { _id: `org.couchdb.user:${user}`, _rev: '1-0', name: user, type: 'user', roles: [] };
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
        return;
      }
      if (req.method === 'PUT') {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const next = JSON.parse(body || '{}');
          if (typeof next.password === 'string' && next.password) passwords[user] = next.password;
          res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, id: doc._id, rev: '2-0' }));
        });
        return;
      }
    }
    // Only the database itself: the server's own routes (_all_dbs, _config) are not for users.
    if (db === '' || db.startsWith('_')) {
      if (db === '' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ couchdb: 'Welcome', version: '3.3.3' }));
        return;
      }
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'forbidden', reason: 'Not for users.' }));
      return;
    }
    if (db !== userDbName(user)) {
      const theirs = Object.keys(passwords).some((u) => userDbName(u) === db);
      res
        .writeHead(theirs ? 403 : 404, { 'content-type': 'application/json' })
        .end(JSON.stringify(theirs ? { error: 'forbidden', reason: 'You are not allowed to access this db.' } : { error: 'not_found', reason: 'Database does not exist.' }));
      return;
    }
    if (req.method === 'PUT' && req.url === `/${db}`) {
      // What a real CouchDB answers an ordinary user; Tandem never asks (skip_setup).
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'forbidden', reason: 'Only admins can create databases.' }));
      return;
    }
    if (quotaBytes !== Infinity && (req.method === 'POST' || req.method === 'PUT') && Number(req.headers['content-length'] ?? 0) > quotaBytes) {
      res.writeHead(413, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'too_large', reason: 'the request entity is too large' }));
      return;
    }
    app(req, res);
  }

  let listening = false;
  const listen = (p) =>
    new Promise((done, fail) => {
      server.once('error', fail);
      server.listen(p, '127.0.0.1', () => {
        listening = true;
        done(undefined);
      });
    });
  await listen(port);
  const actualPort = server.address().port;
  const url = `http://127.0.0.1:${actualPort}`;
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return {
    url,
    port: actualPort,
    userDbName,
    requests,
    /** Every live document of a user's database, as stored (what an operator can read). */
    async storedDocs(user) {
      const all = await new Memory(userDbName(user)).allDocs({ include_docs: true, conflicts: true });
      return all.rows.map((r) => r.doc);
    },
    /** The database of a user, as PouchDB sees it (to put a foreign document, for tests). */
    database(user) {
      return new Memory(userDbName(user));
    },
    /** Bytes of request bodies received so far (what devices sent). */
    bytesReceived() {
      return received;
    },
    setPassword(user, password) {
      passwords[user] = password;
    },
    /** Refuses writes bigger than `bytes` as CouchDB refuses a too-large request. */
    setQuota(bytes) {
      quotaBytes = bytes;
    },
    /** Answers every request `ms` later, like a slow connection (0: at once). */
    setDelay(ms) {
      delayMs = ms;
    },
    async stop() {
      if (!listening) return;
      listening = false;
      await new Promise((done) => {
        server.close(() => done(undefined));
        for (const s of sockets) s.destroy();
      });
    },
    async start() {
      if (!listening) await listen(actualPort);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startSyncServer({ port: Number(process.argv[2] ?? 5984) });
  console.log(`CouchDB-protocol test server at ${s.url}, user tandem / tandem, database ${userDbName('tandem')}`);
}

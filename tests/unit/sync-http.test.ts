import { memoryPouch } from './sync-helpers';
import PouchDB from 'pouchdb-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/db/schema';
import type { MirrorDoc } from '../../lib/sync/codec';
import { deriveSyncKeys, newSyncKey } from '../../lib/sync/keys';
import { checkRemote, classifySyncError } from '../../lib/sync/problems';
import { syncRound, type Pouch } from '../../lib/sync/replicate';
import { startSyncServer, userDbName, type SyncServer } from '../../scripts/sync-server.mjs';
import { checkin, contact, T0 } from './backup-sample';

// Sync over HTTP against the CouchDB-protocol test server, as the apps do it: skip_setup (the
// database exists already), Basic credentials, nothing readable on the server.

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer({ users: { ana: 'right horse battery' } });
});
afterAll(() => server.stop());

function remote(password = 'right horse battery'): Pouch {
  return new PouchDB<MirrorDoc>(`${server.url}/${userDbName('ana')}`, { skip_setup: true, auth: { username: 'ana', password } });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('did not fail');
}

describe('sync over HTTP', () => {
  it('carries a history from one device to another with only ciphertext on the server', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const now = () => T0 + 86_400_000;
    const a = openDatabase('http-a');
    const b = openDatabase('http-b');
    await a.checkins.bulkPut([checkin(0, { win: 'Walked to the park' }), checkin(1)]);
    await a.contacts.put(contact(0, { name: 'Sam Rivers', phone: '+34 600 123 456' }));
    const first = await syncRound({ db: a, local: memoryPouch(), remote: remote(), keys, now }, { full: true });
    expect(first.docsSent).toBeGreaterThan(0);
    const second = await syncRound({ db: b, local: memoryPouch(), remote: remote(), keys, now }, { full: true });
    expect(second.counts.new).toBe(3);
    expect((await b.contacts.toArray()).map((c) => c.name)).toEqual(['Sam Rivers']);
    const stored = JSON.stringify(await server.storedDocs('ana'));
    // Whole texts: a fragment of three letters could turn up in random base64 or a hex revision.
    for (const text of ['Walked to the park', 'Sam Rivers', '600 123 456', 'checkins', 'contacts']) expect(stored).not.toContain(text);
    // skip_setup: nothing asked the server to create a database.
    expect(server.requests.some((r) => r.method === 'PUT' && r.url === `/${userDbName('ana')}`)).toBe(false);
  });

  it('says which problem it was: a wrong password, a missing database, a stopped server', async () => {
    expect(await checkRemote(remote('wrong'))).toBe('wrong-password');
    const missing = new PouchDB(`${server.url}/${userDbName('nobody')}`, { skip_setup: true, auth: { username: 'ana', password: 'right horse battery' } });
    expect(await checkRemote(missing)).toBe('no-database');
    await server.stop();
    try {
      expect(await checkRemote(remote())).toBe('unreachable');
      expect(classifySyncError(await failure(syncRound({ db: openDatabase('http-d'), local: memoryPouch(), remote: remote(), keys: await deriveSyncKeys(newSyncKey()), now: () => T0 })))).toBe('unreachable');
    } finally {
      await server.start();
    }
    expect(await checkRemote(remote())).toBeNull();
  });

  it('leaves this device as it was when a round fails', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const db = openDatabase('http-c');
    await db.checkins.put(checkin(0));
    const before = await db.checkins.toArray();
    const err = await failure(syncRound({ db, local: memoryPouch(), remote: remote('wrong'), keys, now: () => T0 }));
    expect(classifySyncError(err)).toBe('wrong-password');
    expect(await db.checkins.toArray()).toEqual(before);
  });

  it('says the server is full when it refuses the writes as too large', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const db = openDatabase('http-full');
    await db.checkins.bulkPut([checkin(0), checkin(1), checkin(2)]);
    server.setQuota(64);
    try {
      const err = await failure(syncRound({ db, local: memoryPouch(), remote: remote(), keys, now: () => T0 + 86_400_000 }, { full: true }));
      expect(classifySyncError(err)).toBe('full');
    } finally {
      server.setQuota(Infinity);
    }
    expect(await db.checkins.count()).toBe(3);
  });
});

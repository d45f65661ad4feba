import './sync-helpers';
import PouchDB from 'pouchdb-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { pairingPayload } from '../../lib/sync/pairing';
import { createSyncRunner, type SyncRunner } from '../../lib/sync/runner';
import { readConfig, readStatus } from '../../lib/sync/state';
import { startSyncServer, userDbName, type SyncServer } from '../../scripts/sync-server.mjs';
import { checkin, contact, T0 } from './backup-sample';
import { frozenClock } from './helpers';

// The runner as the settings use it: turn on, pair a second device with a link and a
// passphrase, sync, turn off, remove a lost device; each problem as a code, nothing changed.

let server: SyncServer;
beforeAll(async () => {
  server = await startSyncServer({ users: { ana: 'first password' } });
});
afterAll(() => server.stop());

let n = 0;
function device(start = T0 + 86_400_000): { db: TandemDatabase; runner: SyncRunner; clock: ReturnType<typeof frozenClock> } {
  const db = openDatabase(`runner-${++n}`);
  const clock = frozenClock(start, 'Europe/Madrid');
  return { db, clock, runner: createSyncRunner({ db, clock, Pouch: PouchDB, adapter: 'memory', mirrorName: `runner-mirror-${n}` }) };
}
const account = (password = 'first password') => ({ server: server.url, database: userDbName('ana'), user: 'ana', password });

// Each pairing link derives its key with PBKDF2 (600,000 rounds), a second or so here.
describe('the sync runner', { timeout: 30_000 }, () => {
  it('pairs a second device: a preview first, then both histories in one', async () => {
    const a = device();
    await a.db.checkins.bulkPut([checkin(0), checkin(1)]);
    expect(await a.runner.turnOn(account())).toEqual({ ok: true });
    expect((await readStatus(a.db)).lastSyncedAt).toBe(a.clock.now());
    const made = await a.runner.pairingLink('blue kettle', 'https://app.example/');
    if (!made.ok) throw new Error(made.problem);
    expect(made.link.startsWith('https://app.example/#sync=1.')).toBe(true);
    expect(made.link).not.toContain('first password');
    const payload = pairingPayload(made.link)!;

    const b = device();
    await b.db.contacts.put(contact(0));
    expect(await b.runner.previewJoin(payload, 'wrong kettle')).toEqual({ ok: false, problem: 'wrong-passphrase' });
    const preview = await b.runner.previewJoin(payload, 'blue kettle');
    expect(preview).toMatchObject({ ok: true, preview: { counts: { new: 2 }, records: 2 } });
    expect(await b.db.checkins.count()).toBe(0);
    expect(await b.runner.join(payload, 'blue kettle')).toEqual({ ok: true });
    expect(await b.db.checkins.count()).toBe(2);
    await a.runner.syncNow();
    expect(await a.db.contacts.count()).toBe(1);
  });

  it('refuses an expired link and a wrong password, and changes nothing', async () => {
    const a = device();
    expect(await a.runner.turnOn(account('not it'))).toEqual({ ok: false, problem: 'wrong-password' });
    expect(await readConfig(a.db)).toBeNull();
    await a.runner.turnOn(account());
    const made = await a.runner.pairingLink('kettle', 'https://app.example/');
    if (!made.ok) throw new Error(made.problem);
    const b = device(a.clock.now() + 16 * 60_000);
    await b.db.checkins.put(checkin(5));
    expect(await b.runner.previewJoin(pairingPayload(made.link)!, 'kettle')).toEqual({ ok: false, problem: 'expired' });
    expect(await b.runner.join(pairingPayload(made.link)!, 'kettle')).toEqual({ ok: false, problem: 'expired' });
    expect(await readConfig(b.db)).toBeNull();
    expect(await b.db.checkins.count()).toBe(1);
  });

  it('says when the server is away, keeps the data, and catches up when it is back', async () => {
    const a = device();
    await a.runner.turnOn(account());
    await server.stop();
    try {
      await a.db.checkins.put(checkin(7));
      expect(await a.runner.syncNow()).toEqual({ ok: false, problem: 'unreachable' });
      expect((await readStatus(a.db)).problem).toBe('unreachable');
      expect(await a.db.checkins.count()).toBe(1);
    } finally {
      await server.start();
    }
    expect(await a.runner.syncNow()).toEqual({ ok: true });
    expect((await readStatus(a.db)).problem).toBeNull();
  });

  it('turns off keeping the data here, and can delete the server copy', async () => {
    const a = device();
    await a.db.checkins.put(checkin(9));
    await a.runner.turnOn(account());
    expect((await server.storedDocs('ana')).length).toBeGreaterThan(0);
    const before = server.requests.length;
    expect(await a.runner.turnOff({ deleteServerCopy: true })).toEqual({ ok: true });
    expect(await server.storedDocs('ana')).toEqual([]);
    expect(await a.db.checkins.count()).toBe(1);
    expect(await readConfig(a.db)).toBeNull();
    const after = server.requests.length;
    expect(await a.runner.syncNow()).toEqual({ ok: true });
    a.runner.localChanged();
    await new Promise((r) => setTimeout(r, 1800));
    expect(server.requests.length).toBe(after);
    expect(after).toBeGreaterThan(before);
  });

  it('removes a lost device: a new key and password, the old device can no longer sync', async () => {
    const a = device();
    await a.db.checkins.put(checkin(2));
    await a.runner.turnOn(account());
    const made = await a.runner.pairingLink('kettle', 'https://app.example/');
    if (!made.ok) throw new Error(made.problem);
    const lost = device();
    await lost.runner.join(pairingPayload(made.link)!, 'kettle');
    const oldKey = (await readConfig(a.db))!.key;
    expect(await a.runner.removeLostDevice('second password')).toEqual({ ok: true });
    expect((await readConfig(a.db))!.key).not.toBe(oldKey);
    expect(await lost.runner.syncNow()).toEqual({ ok: false, problem: 'wrong-password' });
    // The server's documents are sealed under the new key only.
    const c = device();
    const relink = await a.runner.pairingLink('kettle', 'https://app.example/');
    if (!relink.ok) throw new Error(relink.problem);
    expect(await c.runner.join(pairingPayload(relink.link)!, 'kettle')).toEqual({ ok: true });
    expect((await readStatus(c.db)).refused).toBe(0);
    expect(await c.db.checkins.get(checkin(2).id)).toBeTruthy();
    server.setPassword('ana', 'first password');
  });
});

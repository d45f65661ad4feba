import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, describe, expect, it } from 'vitest';
import { backupJson, encryptedBackupJson } from '../../lib/backup/files';
import { readBackup } from '../../lib/backup/parse';
import { applyImport, exportBackup, previewImport } from '../../lib/backup/store';
import { fromBase64Url, toBase64Url } from '../../lib/crypto';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore } from '../../lib/kv';
import { createReplyService } from '../../lib/replies';
import { createShareService, type ShareRequest } from '../../lib/shares';
import { openEnvelopeWithKey, parseEnvelope } from '../../lib/share/link';
import { REPLY_GRACE_MS, ReplyError, replyLink, sealReply, type Reply, type ReplyErrorKind } from '../../lib/share/reply';
import { DEFAULT_CHOICES } from '../../lib/share/snapshot';
import { createWellbeingService } from '../../lib/wellbeingService';
import { frozenClock } from './helpers';

// The mentee's side of a reply: the share log keeps each link's key, a reply opens only under
// the link it answers, is kept once, and shows as unread until read. Readable backup files leave
// the keys out; protected ones carry them, and no file takes a key away.

const NOW = Date.UTC(2026, 10, 27, 14, 0);
const DAY = 86_400_000;
const APP = 'http://127.0.0.1:4173/';
const ENCODE = (text: string) => new TextEncoder().encode(text);
let n = 0;
const open: TandemDatabase[] = [];

function device() {
  const clock = frozenClock(NOW, 'Europe/Madrid');
  const name = `replies-${n++}`;
  const db = openDatabase(name, () => clock.now());
  open.push(db);
  const store = createKeyValueStore(db, createStore(`${name}-kv`, 'values'), clock);
  return { db, store, clock, shares: createShareService({ db, store, clock }), replies: createReplyService({ db, clock }) };
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const request = (over: Partial<ShareRequest> = {}): ShareRequest => ({ ...DEFAULT_CHOICES, name: 'Ana', mentorName: 'Sam', passphrase: '', expiryDays: 7, ...over });

/** What the mentor's viewer does: open the link, then seal a reply under what it gave. */
async function writeBack(link: string, reply: Partial<Reply> = {}, passphrase?: string): Promise<string> {
  const { linkKey } = await openEnvelopeWithKey(parseEnvelope(new URL(link).hash), { now: NOW, passphrase });
  const fragment = await sealReply({ from: 'Sam', sentAt: NOW + DAY, note: 'Proud of this week.', words: ['proud', 'call'], ...reply }, linkKey);
  return replyLink(new URL('./', link).href, fragment);
}

async function kindOf(promise: Promise<unknown>): Promise<ReplyErrorKind | 'opened'> {
  try {
    await promise;
    return 'opened';
  } catch (err) {
    if (err instanceof ReplyError) return err.kind;
    throw err;
  }
}

describe('a mentor’s reply, on the mentee’s device', () => {
  it('opens under the link it answers, is kept once, and is unread until read', async () => {
    const me = device();
    const { link, entry } = await me.shares.create(request(), APP);
    expect(entry.linkKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(entry.linkId).toMatch(/^[A-Za-z0-9_-]{11}$/);
    me.clock.set(NOW + 2 * DAY);
    const reply = await writeBack(link);
    const opened = await me.replies.open(reply);
    expect(opened.added).toBe(true);
    expect(opened.reply).toMatchObject({ shareId: entry.id, from: 'Sam', note: 'Proud of this week.', words: ['proud', 'call'], sentAt: NOW + DAY, readAt: 0 });
    expect(await me.replies.unread()).toEqual(['Sam']);
    // The same link again (opened twice, or from two tabs): kept once.
    expect((await me.replies.open(reply)).added).toBe(false);
    expect(await me.replies.list()).toHaveLength(1);
    await me.replies.markRead(opened.reply.id);
    expect(await me.replies.unread()).toEqual([]);
    expect(await me.replies.list()).toEqual([expect.objectContaining({ readAt: NOW + 2 * DAY })]);
  });

  it('works the same for a passphrase link', async () => {
    const me = device();
    const { link } = await me.shares.create(request({ passphrase: 'blue kettle morning' }), APP);
    const opened = await me.replies.open(await writeBack(link, {}, 'blue kettle morning'));
    expect(opened.reply.from).toBe('Sam');
  });

  it('refuses a changed reply, one for a removed link, one for another device’s link, and an expired one', async () => {
    const me = device();
    const other = device();
    const { link, entry } = await me.shares.create(request(), APP);
    const { link: theirs } = await other.shares.create(request(), APP);
    const reply = await writeBack(link);
    const last = reply.at(-3) === 'A' ? 'B' : 'A';
    expect(await kindOf(me.replies.open(reply.slice(0, -3) + last + reply.slice(-2)))).toBe('tampered');
    expect(await kindOf(me.replies.open(await writeBack(theirs)))).toBe('unknown-link');
    expect(await kindOf(me.replies.open(link))).toBe('not-reply');
    me.clock.set(entry.expiresAt + REPLY_GRACE_MS);
    expect(await kindOf(me.replies.open(reply))).toBe('expired');
    me.clock.set(NOW + DAY);
    await me.shares.forget(entry.id);
    expect(await kindOf(me.replies.open(reply))).toBe('removed');
    // The removed entry no longer holds the key.
    expect((await me.db.shares.get(entry.id))?.linkKey).toBeUndefined();
    expect(await me.replies.list()).toEqual([]);
  });

  it('a readable backup leaves the keys out; a protected one carries them; no file takes a key away', async () => {
    const me = device();
    const { link, entry } = await me.shares.create(request(), APP);
    const reply = await writeBack(link);
    const backup = await exportBackup(me.db, me.store, { now: NOW });
    const plain = backupJson(backup);
    expect(plain).not.toContain(entry.linkKey);
    expect(plain).toContain(entry.linkId);

    // A phone restored from the readable file knows the link, not its key.
    const phone = device();
    await applyImport(phone.db, phone.store, await readBackup(ENCODE(plain), { now: NOW }));
    expect(await kindOf(phone.replies.open(reply))).toBe('no-key');
    // The protected file (or a transfer) brings the key, though the entry is otherwise the same.
    const locked = await encryptedBackupJson(backup, 'a long passphrase');
    const read = await readBackup(ENCODE(locked), { now: NOW, passphrase: 'a long passphrase' });
    expect(await previewImport(phone.db, phone.store, read)).toMatchObject({ byTable: { shares: { updated: 1 } } });
    await applyImport(phone.db, phone.store, read);
    expect((await phone.replies.open(reply)).reply.note).toBe('Proud of this week.');

    // Importing the readable file here again keeps this device's key.
    expect(await applyImport(me.db, me.store, await readBackup(ENCODE(plain), { now: NOW }))).toMatchObject({ new: 0, updated: 0 });
    expect((await me.db.shares.get(entry.id))?.linkKey).toBe(entry.linkKey);
    expect(toBase64Url(fromBase64Url(entry.linkKey!)!)).toBe(entry.linkKey);
  });

  it('kept replies and wellbeing checks travel in backups and transfers, and import once', async () => {
    const me = device();
    const { link } = await me.shares.create(request(), APP);
    await me.replies.open(await writeBack(link));
    const wellbeing = createWellbeingService({ db: me.db, clock: me.clock, dayStartHour: async () => 4 });
    await wellbeing.answer([3, 2, 2, 1, 3]);
    await wellbeing.skip();
    const backup = await exportBackup(me.db, me.store, { now: NOW });
    const phone = device();
    const read = await readBackup(ENCODE(backupJson(backup)), { now: NOW });
    expect(read.refused).toEqual({ count: 0, byTable: {}, first: [], settings: null });
    expect(await applyImport(phone.db, phone.store, read)).toMatchObject({ byTable: { replies: { new: 1 }, wellbeing: { new: 2 } } });
    expect(await applyImport(phone.db, phone.store, read)).toMatchObject({ new: 0, updated: 0 });
    expect(await phone.replies.list()).toEqual(await me.replies.list());
    expect(await createWellbeingService({ db: phone.db, clock: phone.clock, dayStartHour: async () => 4 }).scores()).toEqual([
      expect.objectContaining({ score: 44 }),
    ]);
    // Answers outside 0–5 are refused one by one, with the rest of the file.
    const bad = JSON.parse(backupJson(backup)) as { tables: { wellbeing: { answers: unknown }[] } };
    bad.tables.wellbeing[0]!.answers = [3, 2, 2, 1, 6];
    expect((await readBackup(ENCODE(JSON.stringify(bad)), { now: NOW })).refused).toMatchObject({ count: 1, byTable: { wellbeing: 1 } });
  });
});

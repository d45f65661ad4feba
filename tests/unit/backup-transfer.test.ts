import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deflate, inflate } from '../../lib/backup/codec';
import { csvCell, toCsv } from '../../lib/backup/csv';
import { decodeTransfer, encodeTransfer, MAX_LINK_CHARS, transferFromHash, transferLink } from '../../lib/backup/transfer';
import { applyImport, exportBackup } from '../../lib/backup/store';
import { addDays } from '../../lib/days';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { checkin, dump, NONE_REFUSED, reflection, seed, T0 } from './backup-sample';

let db: TandemDatabase;
let store: KeyValueStore;
let n = 0;
beforeEach(() => {
  db = openDatabase(`transfer-${n}`);
  store = createKeyValueStore(db, createStore(`transfer-kv-${n++}`, 'values'));
});
afterEach(async () => {
  await db.delete();
});

describe('transfer links', () => {
  it('carry the recent days, sealed with the passphrase, and merge on the other device', async () => {
    await seed(db, 60); // 20 days from 2026-03-10
    const backup = await exportBackup(db, store, { now: T0, fromDay: '2026-03-20' });
    expect(backup.scope).toEqual({ kind: 'recent', fromDay: '2026-03-20' });
    expect(backup.tables.checkins).toHaveLength(30);
    expect(backup.tables.plan).toHaveLength(2);
    const link = transferLink('https://tandem.example/app/', await encodeTransfer(backup, 'blue kettle morning'));
    expect(link).toMatch(/^https:\/\/tandem\.example\/app\/#transfer=[A-Za-z0-9_-]+$/);
    const payload = transferFromHash(new URL(link).hash)!;
    await expect(decodeTransfer(payload, 'blue kettle evening', Date.now())).rejects.toMatchObject({ reason: 'wrong-passphrase' });
    const received = await decodeTransfer(payload, 'blue kettle morning', Date.now());
    expect(received).toEqual({ ...backup, refused: NONE_REFUSED });

    const phone = openDatabase(`transfer-phone-${n}`);
    const phoneStore = createKeyValueStore(phone, createStore(`transfer-phone-kv-${n}`, 'values'));
    try {
      expect(await applyImport(phone, phoneStore, received)).toMatchObject({ new: 35, unchanged: 0 });
      const before = await dump(phone, phoneStore);
      expect(await applyImport(phone, phoneStore, received)).toMatchObject({ new: 0, updated: 0, deleted: 0 });
      expect(await dump(phone, phoneStore)).toBe(before);
    } finally {
      await phone.delete();
    }
  });

  it('fit 90 days of steady use (5 check-ins a day, a reflection a week) in a link', async () => {
    const days = 90;
    await db.checkins.bulkPut(
      Array.from({ length: days * 5 }, (_, i) => {
        const day = addDays('2026-01-01', Math.floor(i / 5));
        const at = Date.parse(`${day}T08:00:00Z`) + (i % 5) * 7_200_000;
        return checkin(i, { day, at, createdAt: at, updatedAt: at, win: i % 3 === 0 ? 'Made tea instead and went outside' : '' });
      }),
    );
    await db.reflections.bulkPut(Array.from({ length: 13 }, (_, i) => reflection(i)));
    const payload = await encodeTransfer(await exportBackup(db, store, { now: T0, fromDay: '2026-01-01' }), 'a long passphrase');
    console.info(`transfer link payload for ${days} days: ${payload.length} characters`);
    expect(payload.length).toBeLessThan(MAX_LINK_CHARS);
  });

  it('refuse damaged or foreign fragments', async () => {
    expect(transferFromHash('#checkin')).toBeNull();
    expect(transferFromHash('#transfer=abc<script>')).toBeNull();
    await expect(decodeTransfer('AAAA', 'x', Date.now())).rejects.toMatchObject({ reason: 'damaged' });
    await expect(decodeTransfer('Ag' + 'A'.repeat(80), 'x', Date.now())).rejects.toMatchObject({ reason: 'newer-version' });
  });
});

describe('compression', () => {
  it('stops inflating past the limit, so a small crafted payload cannot fill the memory', () => {
    const bomb = deflate(new Uint8Array(5_000_000));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => inflate(bomb, 1_000_000)).toThrow(expect.objectContaining({ reason: 'too-large' }));
    expect(inflate(bomb, 5_000_000)).toHaveLength(5_000_000);
  });

  it('reports bytes that are not deflate data as damaged', () => {
    expect(() => inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toThrow(expect.objectContaining({ reason: 'damaged' }));
  });
});

describe('the spreadsheet export', () => {
  it('neutralises formulas and quotes cells that need it', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(4)).toBe('4');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Walked the dog')).toBe('Walked the dog');
  });

  it('lists live check-ins and reflections in time order, with local times', () => {
    const csv = toCsv(
      [checkin(1, { win: '=cmd|calc' }), checkin(0), checkin(2, { deletedAt: T0, updatedAt: T0 })],
      [reflection(0, { helped: 'Said "no"' })],
    );
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'type,day,local time,mood,micro-win,note,pulling (HALT / triggers),strength before,strength after,steps used,what helped,next time,urge surfing minutes,id,at,utc offset,time zone',
    );
    // A reflection's list entries are parted by line breaks (they hold none), inside one quoted cell.
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`check-in,2026-03-10,2026-03-10 10:00,1,Small win number 0,,tired,,,,,,,${checkin(0).id},2026-03-10T09:00:00.000Z,60,Europe/Berlin`);
    expect(lines[2]).toMatch(/^near-miss,2026-03-10,2026-03-10 10:00,3,,,"lonely\npayday",7,3,Call Sam,"Said ""no""",Text Sam earlier,/);
    expect(lines[3]).toBe(`check-in,2026-03-10,2026-03-10 11:00,2,'=cmd|calc,,,,,,,,,${checkin(1).id},2026-03-10T10:00:00.000Z,60,Europe/Berlin`);
  });
});

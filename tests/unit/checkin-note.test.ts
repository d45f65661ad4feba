import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupJson } from '../../lib/backup/files';
import { readBackup } from '../../lib/backup/parse';
import { applyImport, exportBackup } from '../../lib/backup/store';
import { createCheckinService, MAX_NOTE_LENGTH } from '../../lib/checkins';
import { instantAt } from '../../lib/days';
import { openDatabase, type TandemDatabase } from '../../lib/db/schema';
import { ValidationError } from '../../lib/errors';
import { createKeyValueStore, type KeyValueStore } from '../../lib/kv';
import { checkin, T0 } from './backup-sample';
import { frozenClock } from './helpers';

// Issue 15: a check-in's note. Written and edited by the lists, carried by backups (version 3)
// and read as none from the files of earlier versions, which had no notes.

const NOW = T0 + 30 * 86_400_000;
let n = 0;
let db: TandemDatabase;
let store: KeyValueStore;
const device = () => {
  const d = openDatabase(`checkin-note-${n}`, () => NOW);
  return { db: d, store: createKeyValueStore(d, createStore(`checkin-note-kv-${n++}`, 'values')) };
};
beforeEach(() => {
  ({ db, store } = device());
});
afterEach(async () => {
  await db.delete();
});

const encode = (text: string) => new TextEncoder().encode(text);

function file(version: number, checkins: unknown[]) {
  return encode(
    JSON.stringify({
      format: 'tandem-backup',
      version,
      exportedAt: T0,
      scope: { kind: 'all', fromDay: null },
      tables: { checkins, reflections: [], plan: [], values: [], contacts: [], shares: [] },
      settings: null,
    }),
  );
}

describe('a check-in note', () => {
  it('is stored as the person wrote it (lines kept, ends trimmed), edited, and refused past 2,000 characters', async () => {
    const at = instantAt('2026-03-10', 9 * 60, 'Europe/Madrid');
    const checkins = createCheckinService({ db, clock: frozenClock(at, 'Europe/Madrid'), dayStartHour: async () => 4 });
    const c = await checkins.add({ mood: 3, note: '  Long shift.\r\nCalled Ana after.  ' });
    expect(c.note).toBe('Long shift.\nCalled Ana after.');
    expect((await checkins.get(c.id))?.note).toBe('Long shift.\nCalled Ana after.');
    expect((await checkins.add({ mood: 4 })).note).toBe('');
    const edited = await checkins.update(c.id, { note: '🌱'.repeat(MAX_NOTE_LENGTH) });
    expect(edited.note).toBe('🌱'.repeat(2000));
    const tooLong = checkins.update(c.id, { note: 'a'.repeat(2001) });
    await expect(tooLong).rejects.toBeInstanceOf(ValidationError);
    await expect(tooLong).rejects.toMatchObject({ problem: { code: 'checkin.noteTooLong', max: 2000, length: 2001 } });
    expect((await checkins.get(c.id))?.note).toBe('🌱'.repeat(2000));
  });

  it('travels in a backup and comes back exactly', async () => {
    await db.checkins.bulkPut([checkin(0, { note: 'Line one\nLine "two", with a comma' }), checkin(1)]);
    const backup = await exportBackup(db, store, { now: NOW });
    const read = await readBackup(encode(backupJson(backup)), { now: NOW });
    expect(read.refused.count).toBe(0);
    const other = device();
    try {
      await applyImport(other.db, other.store, read);
      expect(await other.db.checkins.orderBy('id').toArray()).toEqual(await db.checkins.orderBy('id').toArray());
    } finally {
      await other.db.delete();
    }
  });

  it('reads as none from a version 1 or 2 file; a version 3 file must say it, and over 2,000 characters refuses the record', async () => {
    const { note: _none, ...old } = checkin(0);
    for (const version of [1, 2]) {
      const read = await readBackup(file(version, [old]), { now: NOW });
      expect(read.tables.checkins).toEqual([{ ...old, note: '' }]);
    }
    const v3 = await readBackup(file(3, [old, checkin(1, { note: 'x'.repeat(2001) }), checkin(2, { note: 'kept' })]), { now: NOW });
    expect(v3.tables.checkins.map((c) => c.note)).toEqual(['kept']);
    expect(v3.refused.first.map((r) => r.detail)).toEqual([
      { field: 'note', rule: 'missing' },
      { field: 'note', rule: 'tooLong', max: 2000 },
    ]);
  });
});

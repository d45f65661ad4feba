import { describe, expect, it } from 'vitest';
import { decodeBucket, encodeBucket, RefusedDocument, type MirrorDoc } from '../../lib/sync/codec';
import { deriveSyncKeys, documentId, newSyncKey } from '../../lib/sync/keys';
import { checkin, contact } from './backup-sample';

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof RefusedDocument) return err.reason;
    throw err;
  }
  return 'opened';
}

describe('the mirror codec', () => {
  it('opens what it sealed, with day left to the receiving device', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const records = [checkin(0), checkin(1, { deletedAt: checkin(1).updatedAt })];
    const doc = await encodeBucket(keys, { table: 'checkins', bucket: '2026-03', records });
    const opened = await decodeBucket(keys, doc);
    expect(opened.table.name).toBe('checkins');
    expect(opened.bucket).toBe('2026-03');
    expect(opened.invalid).toBe(0);
    expect(opened.records.map((r) => ({ ...r, day: undefined }))).toEqual(records.map((r) => ({ ...r, day: undefined })));
  });

  it('keeps texts, table names and dates out of what the server stores', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const c = contact(0, { name: 'Sam Rivers', phone: '+34 600 123 456' });
    const doc = await encodeBucket(keys, { table: 'contacts', bucket: 'all', records: [c] });
    // Secrets of six characters or more: a short one could turn up in random base64 by chance.
    const stored = JSON.stringify(doc);
    for (const secret of ['Sam Rivers', 'Rivers', '600 123 456', 'contacts', c.id, String(c.createdAt)]) expect(stored).not.toContain(secret);
    const { fromBase64Url } = await import('../../lib/crypto');
    const sealed = new TextDecoder('latin1').decode(fromBase64Url(doc.data)!);
    expect(sealed).not.toContain('Sam Rivers');
    expect(doc._id).toMatch(/^[0-9a-f]{32}$/);
    const month = await encodeBucket(keys, { table: 'checkins', bucket: '2026-03', records: [checkin(0, { win: 'Walked the dog' })] });
    expect(JSON.stringify(month)).not.toMatch(/2026-03|checkins|Walked the dog/);
  });

  it('names a bucket the same for one key and differently for another', async () => {
    const key = newSyncKey();
    const a = await deriveSyncKeys(key);
    const b = await deriveSyncKeys(key);
    const other = await deriveSyncKeys(newSyncKey());
    expect(await documentId(a, 'checkins', '2026-03')).toBe(await documentId(b, 'checkins', '2026-03'));
    expect(await documentId(a, 'checkins', '2026-03')).not.toBe(await documentId(a, 'checkins', '2026-04'));
    expect(await documentId(a, 'checkins', '2026-03')).not.toBe(await documentId(other, 'checkins', '2026-03'));
  });

  it('refuses a changed, foreign, moved, newer or non-Tandem document', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const doc = await encodeBucket(keys, { table: 'checkins', bucket: '2026-03', records: [checkin(0)] });
    const flipped = doc.data.slice(0, 10) + (doc.data[10] === 'A' ? 'B' : 'A') + doc.data.slice(11);
    expect(await refusal(decodeBucket(keys, { ...doc, data: flipped }))).toBe('unreadable');
    expect(await refusal(decodeBucket(await deriveSyncKeys(newSyncKey()), doc))).toBe('unreadable');
    const otherId = await documentId(keys, 'checkins', '2026-04');
    expect(await refusal(decodeBucket(keys, { ...doc, _id: otherId }))).toBe('unreadable');
    expect(await refusal(decodeBucket(keys, { ...doc, version: 2 }))).toBe('newer-format');
    expect(await refusal(decodeBucket(keys, { _id: doc._id, hello: 'world' } as unknown as MirrorDoc))).toBe('not-tandem');
    expect(await refusal(decodeBucket(keys, { ...doc, iv: 'short' }))).toBe('unreadable');
  });

  it('refuses a body sealed under the right key but for another bucket than its id', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    // Sealed by a client that named the document wrongly: the id check catches it.
    const doc = await encodeBucket(keys, { table: 'checkins', bucket: '2026-03', records: [checkin(0)] });
    const { seal, toBase64Url } = await import('../../lib/crypto');
    const { deflateBytes } = await import('../../lib/compress');
    const otherId = await documentId(keys, 'checkins', '2026-04');
    const plain = deflateBytes(new TextEncoder().encode(JSON.stringify({ table: 'checkins', bucket: '2026-03', records: [] })));
    const sealed = await seal(keys.seal, plain, new TextEncoder().encode(`tandem-sync/1\n${otherId}`));
    const moved = { ...doc, _id: otherId, iv: toBase64Url(sealed.iv), data: toBase64Url(sealed.ciphertext) };
    expect(await refusal(decodeBucket(keys, moved))).toBe('misplaced');
  });

  it('leaves out records that break a rule and counts them', async () => {
    const keys = await deriveSyncKeys(newSyncKey());
    const bad = { ...checkin(1), mood: 9 } as unknown as ReturnType<typeof checkin>;
    const doc = await encodeBucket(keys, { table: 'checkins', bucket: '2026-03', records: [checkin(0), bad] });
    const opened = await decodeBucket(keys, doc);
    expect(opened.records.map((r) => r.id)).toEqual([checkin(0).id]);
    expect(opened.invalid).toBe(1);
  });
});

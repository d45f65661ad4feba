import * as v from 'valibot';
import { deflateBytes, inflateAtMost } from '../compress';
import { DecryptError, fromBase64Url, IV_BYTES, seal, toBase64Url, unseal } from '../crypto';
import { dayKeyAtOffset } from '../days';
import type { SyncedRecord } from '../db/schema';
import { isInstant } from '../rules/time';
import { documentId, MIRROR_FORMAT, MIRROR_LABEL, MIRROR_VERSION, type SyncKeys } from './keys';
import { syncedTable, type SyncedTable } from './tables';

// One mirror document: the records of one bucket of one table, as deflated JSON sealed with
// AES-256-GCM. The associated data binds the format and the document id, so a body copied to
// another id (or replayed under another format) does not open. docs/sync.md is the spec.

/** The most a bucket may inflate to: far above ten years of one month, far below a bomb. */
export const MAX_BUCKET_BYTES = 32 * 1024 * 1024;

/** The body of a mirror document as the server stores it (CouchDB adds _id and _rev). */
export interface MirrorBody {
  format: typeof MIRROR_FORMAT;
  version: number;
  iv: string;
  data: string;
}

export interface MirrorDoc extends MirrorBody {
  _id: string;
  _rev?: string;
}

/** The contents of a bucket as it travels: `day` left out of dated records (each device derives it). */
export interface Bucket {
  table: string;
  bucket: string;
  records: SyncedRecord[];
}

/**
 * Why a document was refused: it does not open with this key (someone else's, or changed on
 * the server), opens but names another bucket than its id (moved), is of a newer Tandem, or
 * is not a mirror document at all.
 */
export type RefusalReason = 'unreadable' | 'misplaced' | 'newer-format' | 'not-tandem';

export class RefusedDocument extends Error {
  override name = 'RefusedDocument';
  constructor(
    readonly reason: RefusalReason,
    readonly docId: string,
  ) {
    super(`Mirror document ${docId} refused: ${reason}.`);
  }
}

const aad = (id: string) => new TextEncoder().encode(`${MIRROR_LABEL}\n${id}`);

function travelling(table: SyncedTable, record: SyncedRecord): SyncedRecord {
  if (!table.dated) return record;
  const { day: _derived, ...rest } = record as SyncedRecord & { day?: unknown };
  return rest;
}

/** Seals a bucket into a document body under its id (a fresh IV every time). */
export async function encodeBucket(keys: SyncKeys, bucket: Bucket): Promise<MirrorDoc> {
  const table = syncedTable(bucket.table);
  const records = table ? bucket.records.map((r) => travelling(table, r)) : bucket.records;
  const id = await documentId(keys, bucket.table, bucket.bucket);
  const plain = deflateBytes(new TextEncoder().encode(JSON.stringify({ table: bucket.table, bucket: bucket.bucket, records })));
  const { iv, ciphertext } = await seal(keys.seal, plain, aad(id));
  return { _id: id, format: MIRROR_FORMAT, version: MIRROR_VERSION, iv: toBase64Url(iv), data: toBase64Url(ciphertext) };
}

const BodySchema = v.object({ format: v.literal(MIRROR_FORMAT), version: v.number(), iv: v.string(), data: v.string() });
const InsideSchema = v.strictObject({
  table: v.string(),
  bucket: v.string(),
  records: v.array(v.unknown()),
});

export interface OpenedBucket {
  table: SyncedTable;
  bucket: string;
  /** Records that keep the rules, `day` filled in for midnight (the apply step redates them). */
  records: SyncedRecord[];
  /** Records inside that break a rule (a buggy or newer client): left out, counted. */
  invalid: number;
}

/**
 * Opens a mirror document, or throws RefusedDocument. Records are checked one by one against
 * their table's schema, so one broken record doesn't hide the rest of the month.
 */
export async function decodeBucket(keys: SyncKeys, doc: { _id: string } & Partial<MirrorBody>): Promise<OpenedBucket> {
  const body = v.safeParse(BodySchema, doc);
  if (!body.success) throw new RefusedDocument('not-tandem', doc._id);
  if (body.output.version > MIRROR_VERSION) throw new RefusedDocument('newer-format', doc._id);
  if (body.output.version !== MIRROR_VERSION) throw new RefusedDocument('not-tandem', doc._id);
  const iv = fromBase64Url(body.output.iv);
  const data = fromBase64Url(body.output.data);
  if (!iv || iv.length !== IV_BYTES || !data) throw new RefusedDocument('unreadable', doc._id);
  let inside: unknown;
  try {
    const plain = await unseal(keys.seal, iv, data, aad(doc._id));
    inside = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflateAtMost(plain, MAX_BUCKET_BYTES)));
  } catch (err) {
    if (err instanceof DecryptError) throw new RefusedDocument('unreadable', doc._id);
    throw new RefusedDocument('not-tandem', doc._id);
  }
  const parsed = v.safeParse(InsideSchema, inside);
  if (!parsed.success) throw new RefusedDocument('not-tandem', doc._id);
  const table = syncedTable(parsed.output.table);
  // A table this version doesn't know is a newer Tandem's; its document is left as it is.
  if (!table) throw new RefusedDocument('newer-format', doc._id);
  if ((await documentId(keys, parsed.output.table, parsed.output.bucket)) !== doc._id) {
    throw new RefusedDocument('misplaced', doc._id);
  }
  const records: SyncedRecord[] = [];
  let invalid = 0;
  for (const raw of parsed.output.records) {
    let candidate = raw;
    if (table.dated && typeof raw === 'object' && raw !== null && !('day' in raw)) {
      const { at, utcOffset } = raw as { at?: unknown; utcOffset?: unknown };
      if (isInstant(at) && typeof utcOffset === 'number' && Number.isInteger(utcOffset) && Math.abs(utcOffset) <= 24 * 60) {
        candidate = { ...raw, day: dayKeyAtOffset(at, utcOffset, 0) };
      }
    }
    const result = v.safeParse(table.schema, candidate);
    if (result.success) records.push(result.output as SyncedRecord);
    else invalid++;
  }
  return { table, bucket: parsed.output.bucket, records, invalid };
}

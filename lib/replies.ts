import type { Clock } from './clock';
import type { MentorReply, TandemDatabase } from './db/schema';
import { toStorageError } from './errors';
import { clampInstant, nextStamp } from './rules/time';
import type { Reply } from './share/reply';

// The mentee's side of a mentor's reply: find the link it answers in the share log, open it
// with that link's key, and keep it under Mentor links → From my mentors. The codec (WebCrypto,
// DEFLATE, validation) loads only when a reply is opened, so the popup, which only asks whether
// one is unread, never pulls it in.

export type ReplyService = ReturnType<typeof createReplyService>;

export interface OpenedReply {
  reply: MentorReply;
  /** False when this reply was already kept (opened before). */
  added: boolean;
}

export function createReplyService({ db, clock }: { db: TandemDatabase; clock: Clock }) {
  return {
    /**
     * Opens a pasted reply link (or its fragment) and keeps it; throws ReplyError (its kind
     * says why: unknown-link, removed, no-key, tampered, expired, ...) and keeps nothing.
     */
    async open(text: string): Promise<OpenedReply> {
      // The codec and the crypto code load only when a reply is opened.
      const [{ parseReply, openReply, replyIdOf, ReplyError }, { fromBase64Url }] = await Promise.all([import('./share/reply'), import('./crypto')]);
      const envelope = parseReply(text);
      let entries;
      try {
        entries = await db.shares.where('linkId').equals(envelope.linkId).toArray();
      } catch (err) {
        throw toStorageError(err);
      }
      if (entries.length === 0) throw new ReplyError('unknown-link');
      const entry = entries.find((e) => e.deletedAt === null) ?? entries[0]!;
      if (entry.deletedAt !== null) throw new ReplyError('removed');
      const linkKey = entry.linkKey === undefined ? null : fromBase64Url(entry.linkKey);
      if (!linkKey) throw new ReplyError('no-key');
      const reply: Reply = await openReply(envelope, { linkKey, expiresAt: entry.expiresAt }, clock.now());
      const id = replyIdOf(envelope);
      const now = clampInstant(clock.now());
      try {
        return await db.transaction('rw', db.replies, async () => {
          const known = await db.replies.get(id);
          if (known) return { reply: known, added: false };
          const record: MentorReply = {
            id,
            createdAt: now,
            updatedAt: now,
            deletedAt: null,
            shareId: entry.id,
            linkId: envelope.linkId,
            from: reply.from,
            sentAt: reply.sentAt,
            note: reply.note,
            words: reply.words,
            readAt: 0,
          };
          await db.replies.add(record);
          return { reply: record, added: true };
        });
      } catch (err) {
        throw toStorageError(err);
      }
    },

    /** Every reply kept, newest first. */
    async list(): Promise<MentorReply[]> {
      const all = await db.replies.orderBy('sentAt').reverse().toArray();
      return all.filter((r) => r.deletedAt === null);
    },

    async markRead(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      try {
        await db.transaction('rw', db.replies, async () => {
          const r = await db.replies.get(id);
          if (!r || r.readAt !== 0) return;
          await db.replies.put({ ...r, readAt: now, updatedAt: nextStamp(now, r.updatedAt) });
        });
      } catch (err) {
        throw toStorageError(err);
      }
    },

    async remove(id: string): Promise<void> {
      const now = clampInstant(clock.now());
      try {
        await db.transaction('rw', db.replies, async () => {
          const r = await db.replies.get(id);
          if (!r) return;
          await db.replies.put({ ...r, readAt: r.readAt || now, deletedAt: now, updatedAt: nextStamp(now, r.updatedAt) });
        });
      } catch (err) {
        throw toStorageError(err);
      }
    },

    /** The unread replies' senders, newest first: one indexed read, for the popup's notice. */
    async unread(): Promise<string[]> {
      const rows = await db.replies.where('readAt').equals(0).toArray();
      return rows
        .filter((r) => r.deletedAt === null)
        .sort((a, b) => b.sentAt - a.sentAt)
        .map((r) => r.from);
    },
  };
}

import type { Transaction } from 'dexie';
import { FIELDS } from '../rules/fields';
import { normalizeText } from '../rules/text';
import { contentsFromOld } from '../share/contents';

/**
 * Schema v4: the share log says what each link held as facts ({ kind: 'mood' }, { kind: 'wins',
 * count: 2 }, …) instead of the English phrases earlier versions stored, so it reads in the
 * person's language. A phrase an earlier version wrote becomes its fact; any other entry (a hand
 * edit, an import) stays as it was written, as { kind: 'text', text }. Nothing else changes.
 */
export async function shareContentsToFacts(tx: Transaction): Promise<void> {
  await tx
    .table('shares')
    .toCollection()
    .modify((entry: { contents?: unknown }) => {
      if (!Array.isArray(entry.contents)) return;
      // v3 already brought each phrase within its rule; normalising again changes nothing then.
      const phrases = entry.contents.map((c: unknown) => (typeof c === 'string' ? normalizeText(c, FIELDS.shareContents) : c));
      entry.contents = contentsFromOld(phrases);
    });
}

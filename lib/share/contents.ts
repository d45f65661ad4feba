import type { Snapshot } from './model';

// What a mentor link held, as the share log keeps it: facts, not sentences, so the log reads in
// whatever language the person chooses later. The catalogue words each kind (share.contents).
// Versions before schema v4 (and backup files of version 1) stored English phrases; the ones
// Tandem wrote are turned back into facts by contentFromText, and anything else is kept as it
// was written ({ kind: 'text' }), so nothing a store or a file held is lost.

export type ShareContent =
  /** The days checked in and the current and best streak: in every link. */
  | { kind: 'checkinDays' }
  | { kind: 'mood' }
  /** Micro-win texts, and how many went out. */
  | { kind: 'wins'; count: number }
  /** Only how many near misses and setbacks (their texts were not ticked). */
  | { kind: 'reflectionCounts' }
  | { kind: 'reflectionTexts'; count: number }
  /** The plan, and how many situations went out. */
  | { kind: 'plan'; count: number }
  /** WHO-5 wellbeing scores (how many). */
  | { kind: 'wellbeing'; count: number }
  /** An entry that is not one of the above (from an older version or a file), kept as written. */
  | { kind: 'text'; text: string };

export type ShareContentKind = ShareContent['kind'];

/** The largest count a fact may hold (a link carries at most a few dozen texts). */
export const MAX_CONTENT_COUNT = 100_000;

/** What a link contains, for the person's share log. */
export function describeContents(snapshot: Snapshot): ShareContent[] {
  const parts: ShareContent[] = [{ kind: 'checkinDays' }];
  if (snapshot.mood) parts.push({ kind: 'mood' });
  if (snapshot.wins) parts.push({ kind: 'wins', count: snapshot.wins.length });
  parts.push(
    snapshot.reflections.items
      ? { kind: 'reflectionTexts', count: snapshot.reflections.items.length }
      : { kind: 'reflectionCounts' },
  );
  if (snapshot.plan) parts.push({ kind: 'plan', count: snapshot.plan.length });
  if (snapshot.wellbeing) parts.push({ kind: 'wellbeing', count: snapshot.wellbeing.length });
  return parts;
}

const count = (digits: string | undefined): number | null => {
  const n = Number(digits);
  return digits !== undefined && Number.isSafeInteger(n) && n <= MAX_CONTENT_COUNT ? n : null;
};

/**
 * The English phrases every release before schema v4 wrote (lib/share/snapshot.ts
 * describeContents, unchanged from the first release to the last), each with the fact it meant.
 */
const TEMPLATES: readonly [RegExp, (m: RegExpExecArray) => ShareContent | null][] = [
  [/^check-in days and streak$/, () => ({ kind: 'checkinDays' })],
  [/^mood chart$/, () => ({ kind: 'mood' })],
  [/^micro-win texts \((\d{1,6})\)$/, (m) => withCount('wins', m[1])],
  [/^number of near misses and setbacks$/, () => ({ kind: 'reflectionCounts' })],
  [/^near miss and setback texts \((\d{1,6})\)$/, (m) => withCount('reflectionTexts', m[1])],
  [/^plan \((\d{1,6}) situations\)$/, (m) => withCount('plan', m[1])],
];

function withCount(kind: 'wins' | 'reflectionTexts' | 'plan', digits: string | undefined): ShareContent | null {
  const n = count(digits);
  return n === null ? null : { kind, count: n };
}

/** The fact an older version's phrase stood for, or the phrase itself when it is none of them. */
export function contentFromText(text: string): ShareContent {
  for (const [pattern, fact] of TEMPLATES) {
    const m = pattern.exec(text);
    const found = m && fact(m);
    if (found) return found;
  }
  return { kind: 'text', text };
}

/** An older entry's contents, as facts: phrases are matched, facts (already converted) kept. */
export function contentsFromOld(list: readonly unknown[]): ShareContent[] {
  return list.flatMap((entry): ShareContent[] => {
    if (typeof entry === 'string') return [contentFromText(entry)];
    return isShareContent(entry) ? [entry] : [];
  });
}

const COUNTED = new Set(['wins', 'reflectionTexts', 'plan', 'wellbeing']);
const BARE = new Set(['checkinDays', 'mood', 'reflectionCounts']);

/** Whether a value is exactly one ShareContent (no other keys). */
export function isShareContent(value: unknown): value is ShareContent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { kind, ...rest } = value as Record<string, unknown>;
  const keys = Object.keys(rest);
  if (typeof kind !== 'string') return false;
  if (BARE.has(kind)) return keys.length === 0;
  if (COUNTED.has(kind)) {
    const n = rest.count;
    return keys.length === 1 && typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_CONTENT_COUNT;
  }
  return kind === 'text' && keys.length === 1 && typeof rest.text === 'string';
}

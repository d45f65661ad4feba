import { expect, it } from 'vitest';
import { isMoodKey } from '../../lib/moodKey';

// The one rule for a keystroke check-in (lib/moodKey.ts), used by the check-in and by the keys a
// page holds while it loads.
it('a digit 1–5 alone is a check-in; other keys and chords are not', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  for (const d of ['1', '2', '3', '4', '5']) expect(isMoodKey(key(d))).toBe(true);
  for (const k of ['0', '6', '9', '12', 'a', 'Enter', ' ']) expect(isMoodKey(key(k))).toBe(false);
  expect(isMoodKey(key('3', { ctrlKey: true }))).toBe(false);
  expect(isMoodKey(key('3', { metaKey: true }))).toBe(false);
  expect(isMoodKey(key('3', { altKey: true }))).toBe(false);
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../components/i18n/en';
import { POPUP_SECTIONS as EN_POPUP, popupMessages as enPopup } from '../../components/i18n/en/popup';
import { POPUP_SECTIONS as ES_POPUP, popupMessages as esPopup } from '../../components/i18n/es/popup';
import { createFmt } from '../../components/i18n/fmt';

// The toolbar popup loads only some sections of its language's catalogue (en/popup.ts). Every
// module the popup runs may read only those, or a page would show nothing where words belong.

const SECTIONS = Object.keys(messages(createFmt('en')));

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every section a module graph reads as `words.<section>`, by file. */
function sectionsRead(entry: string): Map<string, Set<string>> {
  const read = new Map<string, Set<string>>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (read.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    // Only components word things (lib/ never imports them); comments don't read anything.
    const code = file.includes('/components/') ? text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') : '';
    read.set(file, new Set([...code.matchAll(/\bwords\.([a-z]+)\b/g)].map((m) => m[1]!).filter((s) => SECTIONS.includes(s))));
    for (const m of text.matchAll(/(?:import|export)(?!\s+type\b)[^'"]*?from\s*['"](\.[^'"]+)['"]/g)) {
      if (m[1]!.endsWith('.css')) continue;
      const next = resolveImport(file, m[1]!);
      // The catalogue's own files are what is loaded, not what reads it.
      if (next && !/components\/i18n\/(en|es)\//.test(next)) queue.push(next);
    }
  }
  return read;
}

describe('the popup’s words', () => {
  it('English and Spanish load the same sections', () => {
    expect([...ES_POPUP]).toEqual([...EN_POPUP]);
    expect(Object.keys(esPopup(createFmt('es')))).toEqual(Object.keys(enPopup(createFmt('en'))));
    expect(Object.keys(enPopup(createFmt('en')))).toEqual([...EN_POPUP]);
  });

  it('are fewer than the whole catalogue', () => {
    expect(EN_POPUP.length).toBeLessThan(SECTIONS.length);
  });

  const read = sectionsRead('components/app/Popup.tsx');
  it('finds the popup’s modules', () => {
    expect([...read.keys()].map((f) => relative('.', f))).toEqual(
      expect.arrayContaining(['components/checkin/CheckinPanel.tsx', 'components/reflect/CrisisSheet.tsx', 'components/i18n/errorText.ts']),
    );
  });

  it.each([...read.entries()].map(([file, sections]) => [relative('.', file), [...sections]] as const))(
    '%s reads only the popup’s sections',
    (file, sections) => {
      // errorText words a mentor-link error from the share section when a page has it, and
      // falls back otherwise; the popup never opens a link.
      const allowed: string[] = [...EN_POPUP, ...(file === 'components/i18n/errorText.ts' ? ['share'] : [])];
      expect(sections.filter((s) => !allowed.includes(s))).toEqual([]);
    },
  );
});

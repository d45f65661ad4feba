import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../components/i18n/en';
import { POPUP_SECTIONS as EN_POPUP, popupMessages as enPopup } from '../../components/i18n/en/popup';
import { POPUP_SECTIONS as ES_POPUP, popupMessages as esPopup } from '../../components/i18n/es/popup';
import { POPUP_LATER_SECTIONS as EN_LATER, popupLaterMessages as enLater } from '../../components/i18n/en/popupLater';
import { POPUP_LATER_SECTIONS as ES_LATER, popupLaterMessages as esLater } from '../../components/i18n/es/popupLater';
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

/**
 * Every section a module graph reads as `words.<section>`, by file, following static imports;
 * `lazy` collects the modules it imports dynamically (the popup's lazy parts).
 */
function sectionsRead(entries: string[], lazy?: Set<string>): Map<string, Set<string>> {
  const read = new Map<string, Set<string>>();
  const queue = entries.map((e) => resolve(e));
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
    for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
      const next = resolveImport(file, m[1]!);
      if (next && !/components\/i18n\//.test(next)) lazy?.add(next);
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

  it('are fewer than the whole catalogue, the first screen’s fewer still', () => {
    expect([...ES_LATER]).toEqual([...EN_LATER]);
    expect(Object.keys(esLater(createFmt('es')))).toEqual(Object.keys(enLater(createFmt('en'))));
    expect(Object.keys(enLater(createFmt('en')))).toEqual([...EN_LATER]);
    expect(EN_POPUP.length + EN_LATER.length).toBeLessThan(SECTIONS.length);
    expect(EN_LATER.filter((s) => (EN_POPUP as readonly string[]).includes(s))).toEqual([]);
  });

  const lazy = new Set<string>();
  const read = sectionsRead(['components/app/Popup.tsx'], lazy);
  const later = sectionsRead([...lazy]);
  it('finds the popup’s modules, first and lazy', () => {
    expect([...read.keys()].map((f) => relative('.', f))).toEqual(
      expect.arrayContaining(['components/checkin/CheckinPanel.tsx', 'components/i18n/errorText.ts']),
    );
    // The sheets load on demand (components/app/useSheets.tsx), not with the first screen.
    expect([...read.keys()].map((f) => relative('.', f))).not.toContain('components/reflect/CrisisSheet.tsx');
    expect([...later.keys()].map((f) => relative('.', f))).toEqual(
      expect.arrayContaining(['components/reflect/CrisisSheet.tsx', 'components/reflect/ReflectionForm.tsx', 'components/checkin/ReminderBar.tsx']),
    );
  });

  it.each([...read.entries()].map(([file, sections]) => [relative('.', file), [...sections]] as const))(
    '%s (first screen) reads only the popup’s first sections',
    (file, sections) => {
      const text = readFileSync(file, 'utf8');
      const allowed: string[] = [
        ...EN_POPUP,
        // A notice that loads the later words itself before it shows (ConnectionNotice).
        ...(text.includes('loadLaterWords()') ? EN_LATER : []),
        // errorText words a mentor-link error from the share section and a backup's from data
        // when a page has them; the popup's first screen never opens a link or a backup.
        ...(file === 'components/i18n/errorText.ts' ? ['share', 'data'] : []),
      ];
      expect(sections.filter((s) => !allowed.includes(s))).toEqual([]);
    },
  );

  it.each([...later.entries()].filter(([file]) => !read.has(file)).map(([file, sections]) => [relative('.', file), [...sections]] as const))(
    '%s (lazy) reads only the popup’s sections',
    (file, sections) => {
      const allowed: string[] = [...EN_POPUP, ...EN_LATER, ...(file === 'components/i18n/errorText.ts' ? ['share'] : [])];
      expect(sections.filter((s) => !allowed.includes(s))).toEqual([]);
    },
  );
});

// The dashboard and the web app ('app' surface) start from the same first sections and load the
// whole catalogue before any lazy part shows (components/ui/lazy.tsx waits for loadLaterWords).
describe('the web app’s first words', () => {
  const read = sectionsRead(['components/app/Dashboard.tsx', 'pwa/main.tsx', 'components/app/UpdateBanner.tsx']);
  it('finds the first screen’s modules, and not the lazy views', () => {
    const files = [...read.keys()].map((f) => relative('.', f));
    expect(files).toEqual(expect.arrayContaining(['components/checkin/CheckinPanel.tsx', 'components/checkin/TodayList.tsx']));
    for (const lazy of ['components/insights/Insights.tsx', 'components/share/SharePanel.tsx', 'components/data/DataPanel.tsx', 'components/reflect/CrisisSheet.tsx']) {
      expect(files).not.toContain(lazy);
    }
  });
  it.each([...read.entries()].map(([file, sections]) => [relative('.', file), [...sections]] as const))('%s reads only the first sections', (file, sections) => {
    const text = readFileSync(file, 'utf8');
    const allowed: string[] = [
      ...EN_POPUP,
      ...(text.includes('loadLaterWords()') ? SECTIONS : []),
      ...(file === 'components/i18n/errorText.ts' ? ['share', 'data'] : []),
    ];
    expect(sections.filter((s) => !allowed.includes(s))).toEqual([]);
  });
});

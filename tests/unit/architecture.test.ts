import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// components/ and lib/ are plain web code shared with the PWA: only entry points may touch
// WXT or the extension APIs (lib/platform receives them as arguments).

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2] ?? '',
  );
}

describe('module boundaries', () => {
  const shared = [...sources('components'), ...sources('lib')];

  it('finds the shared sources', () => {
    expect(shared.length).toBeGreaterThan(10);
  });

  it.each(shared)('%s imports neither WXT nor the extension APIs', (file) => {
    const text = readFileSync(file, 'utf8');
    const bad = imports(file).filter((s) => s === '#imports' || s === 'wxt' || s.startsWith('wxt/') || s.includes('webextension-polyfill'));
    expect(bad).toEqual([]);
    // No reaching for the globals either.
    expect(text).not.toMatch(/\b(chrome|browser)\.(runtime|action|alarms|notifications|idle|permissions|tabs)\b/);
  });

  it.each(sources('lib'))('%s (lib) never imports UI code', (file) => {
    expect(imports(file).filter((s) => s.includes('components/') || s.startsWith('preact'))).toEqual([]);
  });
});

// The UI is laid out by feature: each folder of components/ is one thing a person does, with
// shared widgets in ui/ and the words in i18n/. A feature never reaches into another's insides;
// only app/ (the shells: popup, dashboard) puts features together.
describe('feature folders', () => {
  const FEATURES = ['welcome', 'checkin', 'reflect', 'plan', 'insights', 'share', 'data', 'settings', 'sync'];
  const SHARED = ['ui', 'i18n'];
  const folders = readdirSync('components').filter((name) => statSync(join('components', name)).isDirectory());

  it('components/ holds only the known folders, and no loose files', () => {
    expect(folders.sort()).toEqual(['app', ...FEATURES, ...SHARED].sort());
    expect(readdirSync('components').filter((name) => !statSync(join('components', name)).isDirectory())).toEqual([]);
  });

  const componentImports = (file: string) =>
    imports(file)
      .filter((s) => s.startsWith('.'))
      .map((s) => join(file, '..', s).replace(/\\/g, '/'))
      .filter((target) => target.startsWith('components/'))
      .map((target) => target.split('/')[1]!);

  it.each([...FEATURES, ...SHARED].flatMap((folder) => sources(join('components', folder))))(
    '%s imports only its own folder, ui/, i18n/ and lib/',
    (file) => {
      const own = file.split('/')[1]!;
      const allowed = SHARED.includes(own) ? SHARED : [own, ...SHARED];
      expect(componentImports(file).filter((folder) => !allowed.includes(folder))).toEqual([]);
    },
  );

  it('ui/ and i18n/ never import a feature', () => {
    for (const file of SHARED.flatMap((folder) => sources(join('components', folder)))) {
      expect(componentImports(file).filter((folder) => !SHARED.includes(folder))).toEqual([]);
    }
  });
});

// Components reach the stored data only through the services (lib/services.ts): no file of
// components/ uses the database, or imports lib/db/ at run time; its types are fine.
describe('components never touch the database', () => {
  const files = sources('components');
  /** HALT_TAGS, the check-in vocabulary, still lives in lib/db/schema.ts; it is plain data. */
  const VOCABULARY = ['HALT_TAGS'];

  it.each(files)('%s never uses services.db', (file) => {
    expect(readFileSync(file, 'utf8')).not.toMatch(/\bservices\.db\b|\{[^}]*\bdb\b[^}]*\}\s*=\s*services\b/);
  });

  /** What a file takes from lib/db/ at run time: the names of value imports, or '*' for the whole module. */
  function runtimeDbImports(file: string): string[] {
    const text = readFileSync(file, 'utf8');
    const fromDb = (spec: string) => join(file, '..', spec).replace(/\\/g, '/').startsWith('lib/db/');
    const found: string[] = [];
    for (const m of text.matchAll(/\b(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
      const [, , typeOnly, clause = '', spec = ''] = m;
      if (!fromDb(spec) || typeOnly) continue;
      const braces = /\{([^}]*)\}/.exec(clause);
      const outside = clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim();
      if (outside) found.push('*');
      for (const name of (braces?.[1] ?? '').split(',').map((n) => n.trim()).filter(Boolean)) {
        if (!name.startsWith('type ')) found.push(name.split(/\s+as\s+/)[0]!);
      }
    }
    for (const m of text.matchAll(/\bimport\s*(?:\(\s*)?['"]([^'"]+)['"]/g)) if (fromDb(m[1]!)) found.push('*');
    return found;
  }

  it.each(files)('%s imports only types (and the HALT vocabulary) from lib/db/', (file) => {
    expect(runtimeDbImports(file).filter((name) => !VOCABULARY.includes(name))).toEqual([]);
  });

  it('sees a run-time import of the database', () => {
    expect(runtimeDbImports('lib/services.ts')).toEqual(['repairDayStats']);
    expect(runtimeDbImports('lib/platform/extensionPages.ts')).toEqual(['openDatabase']);
  });
});

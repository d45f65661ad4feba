import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../lib/rules/records';
import { SYNCED_TABLE_NAMES } from '../../lib/sync/tableNames';
import { SYNCED_TABLES } from '../../lib/sync/tables';

// PouchDB (about 140 kB) loads only where sync runs: the extension's background, and the web
// app once sync is on (a dynamic import). The popup, the extension's pages and the web app's
// first load reach it by no static import, so none of them waits for it.

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every file and package an entry reaches by static imports (type-only imports left out). */
function staticGraph(entry: string): { files: string[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
    for (const m of text.matchAll(/(?:import|export)(?!\s+type\b)[^'"();]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.endsWith('.css')) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const next = resolveImport(file, spec);
      if (next) queue.push(next);
    }
  }
  return { files: [...seen].map((f) => relative('.', f)), packages };
}

const pouch = (g: { packages: Set<string> }) => [...g.packages].filter((p) => p.startsWith('pouchdb'));

describe('where PouchDB loads', () => {
  it('in the extension’s background', () => {
    const g = staticGraph('entrypoints/background.ts');
    expect(pouch(g)).toEqual(expect.arrayContaining(['pouchdb-core', 'pouchdb-adapter-idb', 'pouchdb-adapter-http', 'pouchdb-replication']));
  });

  it.each(['entrypoints/popup/main.tsx', 'pwa/main.tsx'])('not in the first download of %s, which reaches neither the sync service nor Dexie (its services load beside it)', (entry) => {
    const g = staticGraph(entry);
    expect(g.files).not.toContain('lib/sync/service.ts');
    expect(pouch(g)).toEqual([]);
    expect(g.packages).not.toContain('dexie');
  });

  // The popup's and the web app's services (loaded beside their first screens) and every other
  // page's first download.
  it.each(['lib/platform/extensionPages.ts', 'entrypoints/dashboard/main.tsx', 'entrypoints/welcome/main.tsx', 'pwa/services.ts'])('not in %s', (entry) => {
    const g = staticGraph(entry);
    expect(g.files).toContain('lib/sync/service.ts');
    expect(pouch(g)).toEqual([]);
    expect(g.files.filter((f) => /lib\/sync\/(runner|browserRunner|pouch|replicate|engine|codec)\.ts$/.test(f))).toEqual([]);
  });

  it('the web app loads it only when asked, by a dynamic import', () => {
    expect(readFileSync('pwa/sync.ts', 'utf8')).toMatch(/import\('\.\.\/lib\/sync\/browserRunner'\)/);
  });
});

describe('the synced tables', () => {
  it('are the record tables of the backup, each with its schema, named once for pages', () => {
    expect([...SYNCED_TABLE_NAMES].sort()).toEqual([...TABLE_NAMES].sort());
    expect(SYNCED_TABLES.map((t) => t.name)).toEqual([...SYNCED_TABLE_NAMES]);
    for (const t of SYNCED_TABLES) expect(t.schema).toBeDefined();
  });
});

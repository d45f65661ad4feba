import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The mentor's viewer is a page of its own so that a mentor's browser loads none of the
// mentee's app: no Dexie, no records, no snapshot builder. Type-only imports vanish at build.

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)(?:[^'"]*?from\s*)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function resolve(from: string, spec: string): string | null {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every module the entry loads at run time: local files by path, packages by name. */
function graph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of runtimeImports(file)) {
      if (!spec.startsWith('.')) packages.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
      else if (!spec.endsWith('.css')) {
        const next = resolve(file, spec);
        if (next) queue.push(next);
      }
    }
  }
  return { files: [...files].map((f) => relative('.', f)).sort(), packages: [...packages].sort() };
}

describe('the viewer page', () => {
  const { files, packages } = graph('pwa/viewer.tsx');

  it('finds its own modules', () => {
    expect(files).toContain('components/share/Viewer.tsx');
    expect(files).toContain('lib/share/link.ts');
    expect(files).toContain('lib/share/schema.ts');
    expect(files).toContain('lib/crypto.ts');
  });

  it('loads only what showing a snapshot needs', () => {
    // uqr: the mentor's reply link can be shown as a QR code.
    expect(packages).toEqual(['fflate', 'idb-keyval', 'preact', 'uplot', 'uqr', 'valibot']);
    const appCode = files.filter((f) =>
      /^lib\/(db\/|shares\.ts|checkins\.ts|streaks\.ts|kv\.ts|services\.ts|share\/snapshot\.ts)|^components\/(?!share\/|ui\/(Alert|Chart|PassphraseField|QrCode)\.tsx|i18n\/|app\/start\.tsx)/.test(f),
    );
    expect(appCode).toEqual([]);
  });
});

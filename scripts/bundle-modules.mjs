// A build plugin that records which source modules went into each chunk and how many bytes
// each one left there, beside the build output (never inside it): `<outDir>.modules.json`.
// scripts/bundle-report.mjs reads it to say what each kilobyte buys.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

export function bundleModules() {
  return {
    name: 'tandem-bundle-modules',
    apply: 'build',
    writeBundle(options, bundle) {
      if (!options.dir) return;
      const target = `${resolve(options.dir)}.modules.json`;
      // WXT builds the pages and the background in separate passes into the same folder.
      const previous = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : {};
      const chunks = {};
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunks[fileName] = {
          facade: chunk.facadeModuleId ? relative(process.cwd(), chunk.facadeModuleId) : null,
          modules: Object.fromEntries(
            Object.entries(chunk.modules)
              .map(([id, m]) => [relative(process.cwd(), id.replace(/^\0/, '')).replace(/^.*node_modules\//, 'node_modules/'), m.renderedLength])
              .filter(([, n]) => n > 0),
          ),
        };
      }
      writeFileSync(target, JSON.stringify({ ...previous, ...chunks }, null, 1));
    },
  };
}

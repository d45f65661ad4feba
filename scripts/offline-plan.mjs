// Which of the web app's built files the service worker keeps for offline use, and when.
// The precache holds only what the check-in view needs to open (issue 13's 300 KB budget);
// every other view's code is cached by the worker once the first screen is up (pwa/sw.ts);
// the code of one language, or of sync, only where it is used. planOffline is pure (tested in
// tests/unit/offline-plan.test.ts); offlinePlanPlugin feeds it the real bundle and writes the
// plan beside the output (`<outDir>.offline.json`) for the bundle report and the tests.
// Types: scripts/offline-plan.d.mts.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

/** Files reachable from `starts` (static imports only, or dynamic ones too), never entering `stop`. */
function reach(graph, starts, { dynamic, stop = new Set() }) {
  const seen = new Set();
  const queue = starts.filter((f) => !stop.has(f));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file) || !graph[file]) continue;
    seen.add(file);
    const next = dynamic ? [...graph[file].imports, ...graph[file].dynamicImports] : graph[file].imports;
    for (const n of next) if (!stop.has(n)) queue.push(n);
  }
  return seen;
}

/** The chunks and the style sheets they bring, sorted so the output is stable. */
function withCss(graph, files) {
  return [...new Set([...files].flatMap((f) => [f, ...(graph[f]?.css ?? [])]))].sort();
}

/**
 * `graph`: every JS chunk of the build, by file name. `entries`: the pages' entry chunks.
 * `shell`: the check-in page's entry chunk and the source modules it needs offline from the
 * start (the chunks holding them, with what they import statically, are precached). `groups`:
 * code kept only where it is used (a language's words, sync), each named by a test of which
 * chunks start it. `assets`: every hashed file that is not a chunk (style sheets, images).
 * Returns shell (precached), views (cached once the first screen is up) and each group's own
 * files: those its chunks reach without passing through code that others share.
 */
export function planOffline(graph, { entries, shell, groups, assets = [] }) {
  const chunks = (test) => Object.keys(graph).filter((f) => test(graph[f].modules));
  const shellStarts = [shell.entry, ...chunks((ms) => ms.some((m) => shell.modules.includes(m)))];
  const shellFiles = new Set(withCss(graph, reach(graph, shellStarts, { dynamic: false })));
  const roots = Object.fromEntries(Object.entries(groups).map(([name, test]) => [name, chunks(test)]));
  const stop = new Set(Object.values(roots).flat());
  // What every person may open, whatever their language and whether or not sync is on.
  const common = new Set(withCss(graph, reach(graph, entries, { dynamic: true, stop })));
  // A group that loads another's code (the pseudo-locale, built on the English words) has it too.
  const fence = new Set([...shellFiles, ...common]);
  const own = (r) => withCss(graph, reach(graph, r, { dynamic: true, stop: fence })).filter((f) => !fence.has(f));
  const owned = Object.fromEntries(Object.entries(roots).map(([name, r]) => [name, own(r)]));
  const inGroups = new Set(Object.values(owned).flat());
  // Assets no chunk names (an image, a style sheet of a page) go with the views, to be safe.
  const views = [...new Set([...common, ...assets])].filter((f) => !shellFiles.has(f) && !inGroups.has(f)).sort();
  return { shell: [...shellFiles].sort(), views, groups: owned };
}

/** A module id as the plan names it: its path from the project, without Rollup's \0 prefix. */
const source = (id) => relative(process.cwd(), id.replace(/^\0/, ''));

/**
 * A build plugin that reads the bundle into planOffline's form. `onPlan` gets the plan when the
 * bundle is complete, before vite-plugin-pwa builds the worker (at closeBundle).
 */
export function offlinePlanPlugin({ shellEntry, shellModules, groups, onPlan }) {
  let made = null;
  return {
    name: 'tandem-offline-plan',
    apply: 'build',
    generateBundle(_options, bundle) {
      const graph = {};
      const entries = [];
      const assets = [];
      let entry = null;
      for (const [fileName, item] of Object.entries(bundle)) {
        if (item.type === 'asset') {
          if (fileName.startsWith('assets/')) assets.push(fileName);
          continue;
        }
        const facade = item.facadeModuleId ? source(item.facadeModuleId) : null;
        const modules = item.moduleIds.map(source);
        graph[fileName] = { imports: item.imports, dynamicImports: item.dynamicImports, css: [...(item.viteMetadata?.importedCss ?? [])], modules };
        if (item.isEntry) entries.push(fileName);
        if (item.isEntry && facade === shellEntry) entry = fileName;
      }
      if (!entry) this.error(`offline plan: no entry chunk for ${shellEntry}`);
      made = planOffline(graph, { entries, shell: { entry, modules: shellModules }, groups, assets });
      onPlan(made);
    },
    writeBundle(options) {
      if (options.dir && made) writeFileSync(`${resolve(options.dir)}.offline.json`, JSON.stringify(made, null, 1));
    },
  };
}

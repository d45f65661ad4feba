// How the pages' code is split into files (Rolldown's codeSplitting groups), shared by the
// extension's build (wxt.config.ts) and the web app's (vite.pwa.config.ts).
//
// Dexie is a chunk of its own: the popup renders its mood buttons before the records' database
// code arrives (lib/deferredServices.ts), so Dexie must not share a file with what the first
// screen loads, or it would be downloaded (and parsed) before the buttons show.
// The database module (and the upgrades only it runs) goes with it, apart from the pure rules
// beside it (the HALT vocabulary, the per-day totals) that the first screen does use; its other
// imports stay where the automatic splitting puts them.
export const CHUNK_GROUPS = [
  { name: 'dexie', test: /[\\/]node_modules[\\/]dexie[\\/]/, priority: 10 },
  { name: 'schema', test: /[\\/]lib[\\/]db[\\/](schema|repairStore|repair|shareContentsUpgrade)\.ts$/, priority: 9, includeDependenciesRecursively: false },
];

/** The groups as a plugin: only builds that split code (not WXT's single-file background). */
export function chunkGroups() {
  return {
    name: 'tandem-chunk-groups',
    outputOptions(options) {
      if (options.format && options.format !== 'es' && options.format !== 'esm') return null;
      return { ...options, codeSplitting: { ...(typeof options.codeSplitting === 'object' ? options.codeSplitting : {}), groups: CHUNK_GROUPS } };
    },
  };
}

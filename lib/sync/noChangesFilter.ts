// Stands in for pouchdb-changes-filter in the browser builds (an alias in wxt.config.ts and
// vite.pwa.config.ts). That plugin runs design-document filters by compiling their source with
// `new Function`, which extension stores refuse to review (addons-linter: DANGEROUS_EVAL) and
// which Tandem never needs: its replication filters nothing. pouchdb-core works without it.
export default function noChangesFilter(): void {}

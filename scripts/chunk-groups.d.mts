import type { Plugin } from 'vite';

export declare const CHUNK_GROUPS: { name: string; test: RegExp; priority?: number }[];
/** Rolldown's codeSplitting groups for builds that split code (scripts/chunk-groups.mjs). */
export function chunkGroups(): Plugin;

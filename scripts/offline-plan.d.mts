import type { Plugin } from 'vite';

/** One JS chunk of the build, as scripts/offline-plan.mjs reads it. */
export interface Chunk {
  imports: string[];
  dynamicImports: string[];
  css: string[];
  /** Its source modules, as paths from the project. */
  modules: string[];
}

/** Which built files are precached (shell), cached once the first screen is up (views), or only where used (groups). */
export interface OfflinePlan {
  shell: string[];
  views: string[];
  groups: Record<string, string[]>;
}

/** Whether a chunk, by its source modules, starts a group. */
export type GroupTest = (modules: string[]) => boolean;

export function planOffline(
  graph: Record<string, Chunk>,
  options: { entries: string[]; shell: { entry: string; modules: string[] }; groups: Record<string, GroupTest>; assets?: string[] },
): OfflinePlan;

/** Reads the bundle into planOffline's form (scripts/offline-plan.mjs). */
export function offlinePlanPlugin(options: {
  shellEntry: string;
  shellModules: string[];
  groups: Record<string, GroupTest>;
  onPlan: (plan: OfflinePlan) => void;
}): Plugin;

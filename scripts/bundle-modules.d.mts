import type { Plugin } from 'vite';

/** Records each chunk's source modules beside the build output (scripts/bundle-modules.mjs). */
export function bundleModules(): Plugin;

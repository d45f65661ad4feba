import type { Server } from 'node:http';
export function serve(root: string, options?: { port?: number; host?: string }): Promise<{ server: Server; url: string }>;

/** The encoding sent for an Accept-Encoding header: 'br', then 'gzip', else null. */
export function chooseEncoding(accept?: string): 'br' | 'gzip' | null;

/// <reference types="pouchdb-core" />
export function userDbName(user: string): string;
export interface SyncServer {
  url: string;
  port: number;
  userDbName(user: string): string;
  requests: { method: string; url: string; at: number }[];
  storedDocs(user: string): Promise<Record<string, unknown>[]>;
  database(user: string): PouchDB.Database;
  bytesReceived(): number;
  setPassword(user: string, password: string): void;
  setQuota(bytes: number): void;
  setDelay(ms: number): void;
  stop(): Promise<void>;
  start(): Promise<void>;
}
export function startSyncServer(options?: { port?: number; users?: Record<string, string> }): Promise<SyncServer>;

import { liveQuery } from 'dexie';
import type { Clock } from './clock';
import { addDays, dayKey } from './days';
import type { TandemDatabase } from './db/schema';
import type { KeyValueStore } from './kv';
import { createLive, type Live } from './liveService';
import { toCsv } from './backup/csv';
import { backupFileName, backupJson, encryptedBackupJson } from './backup/files';
import { readBackup, type ReadResult } from './backup/parse';
import { applyImport, eraseEverything, exportBackup, previewImport, type ImportSummary } from './backup/store';
import { decodeTransfer, encodeTransfer, TRANSFER_DAYS, transferLink } from './backup/transfer';
import { clampInstant } from './rules/time';
import { undoableImport, undoImport, type UndoSummary } from './backup/undo';
import { daylioBackup, openSheetInSlices, type DaylioImport, type Sheet } from './import/sheet';
import type { DaylioRead } from './import/daylio';
import type { MoodPlacement } from './import/daylioRecords';

/**
 * Lets the page paint and answer between slices of a long piece of work: scheduler.yield where
 * the browser has it (it keeps the work's place in the queue), else a task of its own.
 */
const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise<void>((done) => setTimeout(done, 0));
};

/** Where an import came from: a spreadsheet keeps the records this device already has. */
export type ImportKind = 'backup' | 'sheet';

// Backups, restore, moving to another device and erasing (issue 5's "nothing is ever lost"),
// over lib/backup/. The page only delivers the files (a download) and words the outcomes.

/** A file ready for the person to save. */
export interface BackupFile {
  name: string;
  type: 'application/json' | 'text/csv';
  text: string;
}

/** What an import opens: a chosen file, or the payload of a transfer link. */
export type ImportSource = { kind: 'file'; bytes: Uint8Array } | { kind: 'link'; payload: string };

export interface BackupServiceDeps {
  db: TandemDatabase;
  store: KeyValueStore;
  clock: Clock;
  /** The person's day-start hour, for the days a transfer link carries. */
  dayStartHour: () => Promise<number>;
  /** Called after the records changed (an import, an erase): the extension recomputes its badge. */
  onWrite?: () => void;
  /** Called when the settings changed with them (an import's newer settings, an erase): reminders reschedule. */
  onSettingsWrite?: () => void;
}

export type BackupService = ReturnType<typeof createBackupService>;

export function createBackupService({ db, store, clock, dayStartHour, onWrite, onSettingsWrite }: BackupServiceDeps) {
  // The last backup lives in idb-keyval, which live queries don't see: this page re-reads it
  // after everything here that changes it.
  const rereads = new Set<() => void>();
  const lastBackupAt: Live<number | null> = createLive((emit) => {
    // A time that can't be read reads as "no backup yet", which only makes the reminder show.
    const read = () => void store.lastBackupAt().then((at) => emit(at ?? null), () => emit(null));
    rereads.add(read);
    read();
    return () => rereads.delete(read);
  });
  const backupTimeChanged = () => rereads.forEach((read) => read());

  /** A file of the whole store, handed to `deliver`, then remembered as this device's last backup. */
  async function saveFile(kind: 'backup' | 'transfer', passphrase: string | null, deliver: (file: BackupFile) => void): Promise<BackupFile> {
    const now = clock.now();
    const backup = await exportBackup(db, store, { now });
    const text = passphrase === null ? backupJson(backup) : await encryptedBackupJson(backup, passphrase);
    const file: BackupFile = { name: backupFileName(now, kind), type: 'application/json', text };
    deliver(file);
    await store.saveLastBackupAt(now);
    backupTimeChanged();
    return file;
  }

  // Re-read whenever any record changes, since the next change ends what can be undone.
  const lastImport: Live<{ at: number; records: number } | null> = createLive((emit, fail) => {
    const subscription = liveQuery(() => undoableImport(db)).subscribe({ next: emit, error: fail });
    return () => subscription.unsubscribe();
  });

  return {
    /** When a full backup (or transfer file) was last saved from this device; null: never. */
    lastBackupAt,

    /** The last import while it can still be undone (nothing changed since); null otherwise. */
    lastImport,

    /** A full backup, readable or (with a passphrase) protected. */
    saveBackup: (passphrase: string | null, deliver: (file: BackupFile) => void) => saveFile('backup', passphrase, deliver),

    /** The whole store as a protected file, to open on another device. */
    saveTransferFile: (passphrase: string, deliver: (file: BackupFile) => void) => saveFile('transfer', passphrase, deliver),

    /** Check-ins and reflections as a spreadsheet (not a backup: it can't be restored). */
    async spreadsheet(): Promise<BackupFile> {
      const [checkins, reflections] = await Promise.all([db.checkins.toArray(), db.reflections.toArray()]);
      return { name: backupFileName(clock.now(), 'spreadsheet'), type: 'text/csv', text: toCsv(checkins, reflections) };
    },

    /** A link to the web app at `appAddress` carrying the last TRANSFER_DAYS, sealed with `passphrase`. */
    async transferLink(appAddress: string, passphrase: string): Promise<string> {
      const now = clock.now();
      // Today as records are stored (lib/rules/time.ts), so a far-off clock still sends its days.
      const today = dayKey(clampInstant(now), clock.timeZone(), await dayStartHour());
      const backup = await exportBackup(db, store, { now, fromDay: addDays(today, -(TRANSFER_DAYS - 1)) });
      return transferLink(appAddress, await encodeTransfer(backup, passphrase));
    },

    /** Reads a file or a link (BackupError 'needs-passphrase' or 'wrong-passphrase' asks for one). */
    open(source: ImportSource, passphrase?: string): Promise<ReadResult> {
      const now = clock.now();
      return source.kind === 'file' ? readBackup(source.bytes, { passphrase, now }) : decodeTransfer(source.payload, passphrase ?? '', now);
    },

    /** What importing would change; nothing is written. */
    preview: (backup: ReadResult, kind: ImportKind = 'backup'): Promise<ImportSummary> =>
      previewImport(db, store, backup, { keepExisting: kind === 'sheet', now: clock.now() }),

    /** Merges the backup in, in one transaction. */
    async apply(backup: ReadResult, kind: ImportKind = 'backup'): Promise<ImportSummary> {
      const summary = await applyImport(db, store, backup, { keepExisting: kind === 'sheet', now: clock.now() });
      if (summary.settings === 'replaced') onSettingsWrite?.();
      else onWrite?.();
      return summary;
    },

    /** Reads a spreadsheet from another app (Daylio) or Tandem's own CSV, in slices; SheetError says why not. */
    openSheet: (bytes: Uint8Array, progress?: (done: number) => void): Promise<Sheet> => openSheetInSlices(bytes, clock.now(), yieldToPage, progress),

    /**
     * A Daylio file's check-ins under the person's placement of its moods, each entry's time
     * read in this device's time zone. Works in slices, so the page stays responsive.
     */
    async fromDaylio(read: DaylioRead, placement: MoodPlacement, activitiesLabel: string, progress?: (done: number) => void): Promise<DaylioImport> {
      return daylioBackup(
        read,
        placement,
        { timeZone: clock.timeZone(), dayStartHour: await dayStartHour(), activitiesLabel, now: clock.now() },
        { pause: yieldToPage, progress },
      );
    },

    /** The last import, when it can still be undone (nothing changed since). */
    undoable: () => undoableImport(db),

    /** Takes the last import back (UndoError 'nothing' or 'changedSince' when it can't). */
    async undoImport(): Promise<UndoSummary> {
      const summary = await undoImport(db, clock.now());
      if (summary.settings) onSettingsWrite?.();
      else onWrite?.();
      return summary;
    },

    /** Removes everything this device holds (lib/backup/store.ts eraseEverything). */
    async erase(): Promise<void> {
      try {
        await eraseEverything(db, store);
      } finally {
        backupTimeChanged();
      }
      (onSettingsWrite ?? onWrite)?.();
    },
  };
}

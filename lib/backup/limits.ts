/** How many days of check-ins and reflections a transfer link carries (the file carries all). */
export const TRANSFER_DAYS = 90;

/** The largest backup file read, deflated or not (lib/backup/codec.ts). Here so the words can name it without the codec. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

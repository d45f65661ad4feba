/** How many days of check-ins and reflections a transfer link carries (the file carries all). */
export const TRANSFER_DAYS = 90;

/** A pairing link's fragment starts so (`<app>#sync=…`); alone here so a page can check for one without the codec. */
export const PAIRING_PREFIX = '#sync=';

// National emergency numbers, for the crisis sheet's first line. Only numbers a government
// publishes as its general emergency number are here; the sources are in
// docs/emergency-numbers.md. Tandem shows a call link only once the person has confirmed their
// country: a wrong guess must never dial the wrong service.

/** ISO 3166-1 alpha-2 country code → the general emergency number. */
export const EMERGENCY_NUMBERS: Readonly<Record<string, string>> = {
  // The single European emergency number, in every EU member state (and the EEA).
  AT: '112', BE: '112', BG: '112', HR: '112', CY: '112', CZ: '112', DK: '112', EE: '112', FI: '112',
  FR: '112', DE: '112', GR: '112', HU: '112', IE: '112', IT: '112', LV: '112', LT: '112', LU: '112',
  MT: '112', NL: '112', PL: '112', PT: '112', RO: '112', SK: '112', SI: '112', ES: '112', SE: '112',
  IS: '112', LI: '112', NO: '112', CH: '112',
  GB: '999',
  US: '911', CA: '911', MX: '911',
  AU: '000', NZ: '111', IN: '112',
};

export const COUNTRIES = Object.keys(EMERGENCY_NUMBERS).sort();

export function emergencyNumber(country: string | null | undefined): string | null {
  return country ? (EMERGENCY_NUMBERS[country.toUpperCase()] ?? null) : null;
}

/**
 * Where the picker starts: the region of the browser's first language that has one ('es-MX' →
 * MX), if Tandem knows its number. Only a starting point: nothing is dialled until confirmed.
 */
export function guessCountry(languages: readonly string[] | undefined): string | null {
  for (const language of languages ?? []) {
    const region = language.split('-')[1]?.toUpperCase();
    if (region && EMERGENCY_NUMBERS[region]) return region;
  }
  return null;
}

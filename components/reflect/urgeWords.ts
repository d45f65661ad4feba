import { reflect as enReflect } from '../i18n/en/reflect';
import { reflect as esReflect } from '../i18n/es/reflect';
import { browserLocale, createFmt } from '../i18n/fmt';

// The urge timer's words for the extension's background (the toolbar button's title while it
// runs, the notification at its end). The background is a service worker, where dynamic
// import is not allowed, so it imports this module statically: only the reflect section of
// each language. The language is picked as components/i18n/backgroundWords.ts picks it.

export interface UrgeBackgroundWords {
  urgeMinutes: (minutes: number) => string;
  urgeEnded: string;
  urgeEnd: { title: string; message: string };
}

export function urgeBackgroundWords(chosen: string | undefined, languages: readonly string[] | undefined): UrgeBackgroundWords {
  const locale = chosen === 'en' || chosen === 'es' ? chosen : browserLocale(languages);
  const w = (locale === 'es' ? esReflect : enReflect)(createFmt(locale));
  return {
    urgeMinutes: w.urgeBadgeMinutes,
    urgeEnded: w.urgeBadgeEnded,
    urgeEnd: { title: w.urgeNotifyTitle, message: w.urgeNotifyMessage },
  };
}

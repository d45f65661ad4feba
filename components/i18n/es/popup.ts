import type { Fmt } from '../fmt';
import { errors } from './errors';
import { main } from './main';

// The sections the first screen of the popup and of the web app speaks from (the check-in,
// the streak, the reflection and crisis buttons, the words of the problems they can meet): the popup loads only
// these before it renders. What opens later (the sheets, the reminder controls, the connection
// notice) first loads popupLater.ts (components/i18n/index.ts loadLaterWords).
// tests/unit/i18n-surfaces.test.ts walks the popup's modules to keep both lists complete.

export const POPUP_SECTIONS = ['main', 'errors'] as const;

export const popupMessages = (f: Fmt) => ({ main: main(f), errors: errors(f) });

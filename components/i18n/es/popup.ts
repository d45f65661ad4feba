import type { Fmt } from '../fmt';
import { data } from './data';
import { errors } from './errors';
import { main } from './main';
import { plan } from './plan';
import { reflect } from './reflect';

// The sections the toolbar popup speaks from (check-in, reflections and the crisis sheet, the
// words of the problems they can meet, the connection notice): the popup loads only these.
// tests/unit/i18n-surfaces.test.ts walks the popup's modules to keep this list complete.

export const POPUP_SECTIONS = ['main', 'reflect', 'plan', 'data', 'errors'] as const;

export const popupMessages = (f: Fmt) => ({ main: main(f), reflect: reflect(f), plan: plan(f), data: data(f), errors: errors(f) });

import type { Fmt } from '../fmt';
import { data } from './data';
import { plan } from './plan';

// The popup's other sections, loaded when a sheet or notice that needs them opens (popup.ts).

export const POPUP_LATER_SECTIONS = ['plan', 'data'] as const;

export const popupLaterMessages = (f: Fmt) => ({ plan: plan(f), data: data(f) });

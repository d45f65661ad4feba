import type { Fmt } from '../fmt';
import { data } from './data';
import { plan } from './plan';
import { reflect } from './reflect';

// The popup's other sections, loaded when a sheet or notice that needs them opens (popup.ts).

export const POPUP_LATER_SECTIONS = ['reflect', 'plan', 'data'] as const;

export const popupLaterMessages = (f: Fmt) => ({ reflect: reflect(f), plan: plan(f), data: data(f) });

import type { Fmt } from '../fmt';
import { data } from './data';
import { errors } from './errors';
import { insights } from './insights';
import { main } from './main';
import { plan } from './plan';
import { reflect } from './reflect';
import { settings } from './settings';
import { share } from './share';
import { sync } from './sync';
import { welcome } from './welcome';

// The English catalogue: the source every other language follows. Each section belongs to one
// feature folder of components/ (main: check-in, streak, reminders and shared words).

export const messages = (f: Fmt) => ({
  main: main(f),
  reflect: reflect(f),
  plan: plan(f),
  insights: insights(f),
  share: share(f),
  sync: sync(f),
  data: data(f),
  settings: settings(f),
  errors: errors(f),
  welcome: welcome(f),
});

export type Messages = ReturnType<typeof messages>;

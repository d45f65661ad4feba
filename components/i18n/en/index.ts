import type { Fmt } from '../fmt';
import { data } from './data';
import { errors } from './errors';
import { insights } from './insights';
import { main } from './main';
import { mentor } from './mentor';
import { plan } from './plan';
import { reflect } from './reflect';
import { settings } from './settings';
import { share } from './share';
import { sheet } from './sheet';
import { welcome } from './welcome';
import { wellbeing } from './wellbeing';

// The English catalogue: the source every other language follows. Each section belongs to one
// feature folder of components/ (main: check-in, streak, reminders and shared words).

export const messages = (f: Fmt) => ({
  main: main(f),
  reflect: reflect(f),
  plan: plan(f),
  insights: insights(f),
  share: share(f),
  mentor: mentor(f),
  data: data(f),
  sheet: sheet(f),
  settings: settings(f),
  errors: errors(f),
  welcome: welcome(f),
  wellbeing: wellbeing(f),
});

export type Messages = ReturnType<typeof messages>;

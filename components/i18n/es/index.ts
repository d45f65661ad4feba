import type { Messages } from '../en';
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

// El catálogo en español. Tratamos a la persona de tú, con palabras sencillas y cálidas; cada
// sección sigue exactamente las claves del inglés (un olvido no compila).

export const messages = (f: Fmt): Messages => ({
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

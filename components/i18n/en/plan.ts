import type { Fmt } from '../fmt';

export const plan = (f: Fmt) => ({
  _f: f.locale,
});

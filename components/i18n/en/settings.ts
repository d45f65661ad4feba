import type { Fmt } from '../fmt';

export const settings = (f: Fmt) => ({
  _f: f.locale,
});

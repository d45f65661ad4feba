import type { Fmt } from '../fmt';

export const errors = (f: Fmt) => ({
  _f: f.locale,
});

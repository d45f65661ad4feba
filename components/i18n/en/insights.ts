import type { Fmt } from '../fmt';

export const insights = (f: Fmt) => ({
  _f: f.locale,
});

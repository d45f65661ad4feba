import type { HaltTag } from '../../lib/db/schema';
import { HALT_TAGS } from '../../lib/db/halt';
import { words } from '../i18n';

export function isHaltTag(trigger: string): trigger is HaltTag {
  return (HALT_TAGS as readonly string[]).includes(trigger);
}

/** A stored trigger as a person reads it: a HALT tag by its word in the page's language, their own as typed. */
export function triggerText(trigger: string): string {
  return isHaltTag(trigger) ? words.main.halt[trigger] : trigger;
}

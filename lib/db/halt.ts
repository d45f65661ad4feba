// The HALT vocabulary (Hungry, Angry, Lonely, Tired), apart from the database module so that a
// screen naming the tags loads no database code (lib/db/schema.ts re-exports them).

export const HALT_TAGS = ['hungry', 'angry', 'lonely', 'tired'] as const;
export type HaltTag = (typeof HALT_TAGS)[number];

// The caps a snapshot must respect: the viewer refuses anything beyond them, and the builder
// leaves out any single text that would break them, so a link Tandem makes always opens. They
// are at least the limits the app itself puts on what a person can write.

export const LIMITS = {
  name: 60,
  winText: 280,
  wins: 200,
  reflectionText: 1000,
  trigger: 80,
  triggers: 12,
  reflections: 100,
  planEntries: 50,
  planText: 200,
  planSteps: 20,
  checkinsPerDay: 1000,
  streak: 100_000,
  /** WHO-5 checks in a period: at most one a fortnight, so 7 in 90 days; room for a clock set back. */
  wellbeing: 30,
} as const;

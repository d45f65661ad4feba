// The caps a snapshot must respect: the viewer refuses anything beyond them, and the builder
// leaves out any single text that would break them, so a link Tandem makes always opens.

export const LIMITS = {
  name: 60,
  winText: 280,
  wins: 200,
  reflectionText: 600,
  trigger: 80,
  triggers: 12,
  reflections: 100,
  planEntries: 30,
  planText: 200,
  planSteps: 12,
  checkinsPerDay: 1000,
  streak: 100_000,
} as const;

import { defineConfig } from 'vitest/config';

// The date rules must not depend on the machine's time zone, so their suites also run
// under several TZ settings (each its own project; Node applies a TZ set in process.env).
const DATE_SUITES = [
  'tests/unit/days.test.ts',
  'tests/unit/streaks.test.ts',
  'tests/unit/schedule.test.ts',
  'tests/unit/weekplan.test.ts',
  'tests/unit/checkins.test.ts',
  'tests/unit/prompter.test.ts',
  'tests/unit/timezone.test.ts',
  'tests/unit/day-buckets.test.ts',
  'tests/unit/insights.test.ts',
  'tests/unit/reflections.test.ts',
  'tests/unit/wellbeing.test.ts',
];
const SEED = 'tests/unit/fast-check-seed.ts';
const ZONES = ['America/Los_Angeles', 'America/Sao_Paulo', 'Australia/Sydney', 'Pacific/Auckland', 'UTC'];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: [SEED] } },
      ...ZONES.map((TZ) => ({
        test: { name: `TZ=${TZ}`, include: DATE_SUITES, environment: 'node', env: { TZ }, setupFiles: [SEED] },
      })),
    ],
  },
});

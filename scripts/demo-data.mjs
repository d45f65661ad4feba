// `npm run demo-data -- [--days 3650] [--per-day 5] [--reflections 500] [--seed 1] [--out demo.json]`
// Writes a seeded demo history as a Tandem backup file (restore it under Settings → Your data):
// the same generator as the "Load demo data" button and the benchmark, so a heavy history can
// be made, looked at and reproduced anywhere.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    'per-day': { type: 'string', default: '5' },
    reflections: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    'time-zone': { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().timeZone },
    out: { type: 'string', default: 'tandem-demo-backup.json' },
  },
});

function count(name, min, max) {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}; got "${values[name]}".`);
    process.exit(2);
  }
  return n;
}

const root = resolve(import.meta.dirname, '..');
const load = async (path) => (await runnerImport(join(root, path), { configFile: false, logLevel: 'silent' })).module;
const { generateDemoData, demoBackup } = await load('lib/demo.ts');
const { validateBackup } = await load('lib/backup/parse.ts');
const { dayKey, isValidTimeZone } = await load('lib/days.ts');

const timeZone = values['time-zone'];
if (!isValidTimeZone(timeZone)) {
  console.error(`Unknown time zone "${timeZone}". Use an IANA name such as Europe/Berlin.`);
  process.exit(2);
}
const data = generateDemoData({
  seed: count('seed', 0, 2 ** 32 - 1),
  today: dayKey(Date.now(), timeZone, 4),
  days: count('days', 1, 36500),
  checkinsPerDay: count('per-day', 1, 50),
  reflections: count('reflections', 0, 100000),
  timeZone,
  dayStartHour: 4,
  now: Date.now(),
});
// Checked against the same schema the app's importer uses, so the file always restores.
writeFileSync(values.out, JSON.stringify(validateBackup(demoBackup(data, Date.now()))));
console.log(`${data.checkins.length} check-ins, ${data.reflections.length} reflections, ${data.plan.length} plan entries written to ${values.out}.`);

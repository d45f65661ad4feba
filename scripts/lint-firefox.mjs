// Runs Mozilla's addons-linter (what addons.mozilla.org runs on every upload) on the built
// Firefox extension. Fails on any error, and on any warning but one: UNSAFE_VAR_ASSIGNMENT at
// Preact's own dangerouslySetInnerHTML handling, which is in the bundle because it is part of
// Preact's renderer. Tandem itself never sets HTML; any other innerHTML assignment fails here.
// Usage: node scripts/lint-firefox.mjs [dir]   (default .output/firefox-mv2; build it first)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import addonsLinter from 'addons-linter';

const dir = resolve(process.argv[2] ?? '.output/firefox-mv2');
if (!existsSync(join(dir, 'manifest.json'))) {
  console.error(`addons-linter: no extension at ${dir}: run \`npm run build:firefox\` first.`);
  process.exit(1);
}

const linter = addonsLinter.createInstance({
  config: {
    _: [dir],
    logLevel: 'fatal',
    stack: false,
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: false,
    selfHosted: false,
  },
  runAsBinary: false,
});
const { errors, warnings, notices } = await linter.run();

/**
 * True when the warning points at Preact's renderer applying `dangerouslySetInnerHTML`:
 * the assignment there is `<node>.innerHTML = <props>.__html`, just after the prop's name.
 */
function isPreactInnerHtml(message) {
  if (message.code !== 'UNSAFE_VAR_ASSIGNMENT' || !message.file || !message.line) return false;
  let text;
  try {
    text = readFileSync(join(dir, message.file), 'utf8');
  } catch {
    return false;
  }
  const line = text.split('\n')[message.line - 1] ?? '';
  const at = message.column ?? 0;
  const assignment = line.slice(Math.max(0, at - 2), at + 60);
  const before = line.slice(Math.max(0, at - 400), at);
  return /^\W?[\w$]+\.innerHTML\s*=\s*[\w$]+\.__html\b/.test(assignment) && before.includes('dangerouslySetInnerHTML');
}

const allowed = warnings.filter(isPreactInnerHtml);
const failing = [...errors, ...warnings.filter((w) => !allowed.includes(w))];

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
let summary = `addons-linter: ${plural(errors.length, 'error')}, ${plural(notices.length, 'notice')}, ${plural(warnings.length, 'warning')}`;
if (allowed.length) summary += ` (${allowed.length === warnings.length ? '' : `${allowed.length} `}UNSAFE_VAR_ASSIGNMENT in Preact's dangerouslySetInnerHTML, allowed)`;
for (const m of [...failing, ...notices]) {
  const where = m.file ? ` ${m.file}${m.line ? `:${m.line}${m.column != null ? `:${m.column}` : ''}` : ''}` : '';
  console.log(`  ${m._type ?? m.type} ${m.code}${where}: ${m.message}`);
}
console.log(summary);
process.exit(failing.length ? 1 : 0);

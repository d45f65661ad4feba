import { describe, expect, it } from 'vitest';
import { backgroundWords } from '../../components/i18n/backgroundWords';
import { messages as english, type Messages } from '../../components/i18n/en';
import { messages as spanish } from '../../components/i18n/es';
import { createFmt, type Locale } from '../../components/i18n/fmt';
import { messages as pseudo, pseudoFmt } from '../../components/i18n/pseudo';
import { HALT_TAGS } from '../../lib/db/schema';
import { extensionBadge, extensionNotifier } from '../../lib/platform/extension';
import { FIELDS } from '../../lib/rules/fields';

// The whole catalogue, in every language, built as a page builds it: Spanish has every key
// English has, of the same kind; every message reads as a sentence whatever plausible values
// it gets (no "undefined", "NaN" or "[object Object]"); Spanish is Spanish (no section left in
// English); and the counted limits read right for 1 and for 50 ("1 entries" can't happen).

type Tree = Record<string, unknown>;
const CATALOGUES: Record<Locale, Messages> = {
  en: english(createFmt('en')),
  es: spanish(createFmt('es')),
  pseudo: pseudo(pseudoFmt(createFmt('pseudo'))),
};
const SECTIONS = Object.keys(CATALOGUES.en) as (keyof Messages)[];

function kind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** Every leaf (string, function, number…) under `tree`, by its dotted path. */
function leaves(tree: unknown, path: string, out = new Map<string, unknown>()): Map<string, unknown> {
  if (kind(tree) === 'object' || kind(tree) === 'array') {
    for (const [key, value] of Object.entries(tree as Tree)) leaves(value, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, tree);
  }
  return out;
}

/** Every key of every object in the English catalogue: the words a message may look a value up by. */
function catalogueKeys(tree: unknown, out = new Set<string>()): Set<string> {
  if (kind(tree) === 'object') {
    for (const [key, value] of Object.entries(tree as Tree)) {
      out.add(key);
      catalogueKeys(value, out);
    }
  }
  return out;
}

// ---- Plausible values ---------------------------------------------------------------------

/** What a string parameter may be: a name, a day, a time, or one of the codes lib/ uses. */
const STRINGS = [
  'Sam',
  '2026-01-05',
  '09:30',
  ...HALT_TAGS,
  ...Object.keys(FIELDS),
  ...['helped', 'nextTime', 'entry', 'value', 'goal', 'contact', 'mentor', 'helpline', 'near-miss', 'setback'],
  ...['morning', 'afternoon', 'evening', 'night', 'wins', 'reflections', 'plan', 'invalid', 'expired'],
  ...catalogueKeys(CATALOGUES.en),
];
const NUMBERS = [0, 1, 2, 5];
const ARRAYS = [['Sam'], ['Sam', 'Jo'], ['Sam', 'Jo', 'Alex'], ['Sam']];

/**
 * A value that is whatever the message takes it for: a number (`n`) in arithmetic, plurals
 * and dates, the string `s` in text, a list of `s`, and an object whose every property is
 * such a value again (a problem's facts, nested windows). Methods of numbers, strings and
 * lists work on the matching form.
 */
function chameleon(n: number, s: string, deep = false): unknown {
  // A list holds texts, or (deep) such values again, e.g. a problem listing other problems.
  const list: unknown[] = deep ? [chameleon(n, s), chameleon(n, s)] : [s, s];
  return new Proxy(list, {
    get(target, key) {
      if (key === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? n : s);
      if (key === Symbol.iterator) return target[Symbol.iterator].bind(target);
      if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
      // A discriminant is compared with ===, which a proxy never equals: it is the string itself.
      if (DISCRIMINANTS.has(key)) return s;
      if (key === 'valueOf') return () => n;
      if (key === 'toString') return () => s;
      if (key === 'length' || /^\d+$/.test(key)) return target[key as keyof typeof target];
      if (key in Array.prototype) {
        const method = (target as unknown as Record<string, unknown>)[key];
        return typeof method === 'function' ? method.bind(target) : method;
      }
      if (key in Number.prototype) return (Number.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!.bind(n);
      if (key in String.prototype) return (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!.bind(s);
      return chameleon(n, s, deep);
    },
  });
}

/** The properties messages switch on (`switch (p.kind)`) or look words up by (`names[p.field]`). */
const DISCRIMINANTS = new Set(['kind', 'code', 'type', 'what', 'field', 'reason', 'part', 'tag', 'role', 'list']);

type ArgKind = 'number' | 'string' | 'array' | 'any' | 'deep';
const ARG_KINDS: ArgKind[] = ['number', 'string', 'array', 'any', 'deep'];

/** One way of calling a message: the kind of each parameter, and the string the strings are. */
interface Call {
  kinds: ArgKind[];
  text: string;
}

function args(call: Call, variant: number): unknown[] {
  return call.kinds.map((k) =>
    k === 'number'
      ? NUMBERS[variant]
      : k === 'string'
        ? call.text
        : k === 'array'
          ? ARRAYS[variant]
          : chameleon(NUMBERS[variant]!, call.text, k === 'deep'),
  );
}

const BROKEN = /undefined|NaN|\[object|Invalid Date|\bnull\b|function|=>/;

/** What is wrong with one call's result, or null when it reads as a text. */
function flaw(fn: unknown, call: Call, variant: number): string | null {
  let result: unknown;
  try {
    result = (fn as (...a: unknown[]) => unknown)(...args(call, variant));
  } catch (err) {
    return `throws ${String(err)}`;
  }
  if (typeof result !== 'string') return `returns a ${kind(result)}`;
  if (result.trim() === '') return 'returns an empty text';
  const broken = BROKEN.exec(result);
  return broken ? `says “${result}”` : null;
}

function works(fn: unknown, call: Call): boolean {
  return NUMBERS.every((_, variant) => flaw(fn, call, variant) === null);
}

function* kindsFor(arity: number): Generator<ArgKind[]> {
  if (arity === 0) {
    yield [];
    return;
  }
  for (const first of ARG_KINDS) for (const rest of kindsFor(arity - 1)) yield [first, ...rest];
}

/** The codes a message's own source compares with or looks up (`case 'mood':`, `kind === 'goal'`). */
function literals(fn: (...a: never[]) => unknown): string[] {
  return [...fn.toString().matchAll(/['"]([A-Za-z][\w.-]*)['"]/g)].map((m) => m[1]!);
}

/** The first plausible way to call an English message that reads right, or null. */
// `any`: a message of any signature.
function findCall(fn: (...a: any[]) => unknown): Call | null {
  const arities = fn.length === 0 ? [0, 1, 2, 3] : [Math.min(fn.length, 3)];
  for (const text of new Set([STRINGS[0]!, ...literals(fn), ...STRINGS])) {
    for (const arity of arities) {
      for (const kinds of kindsFor(arity)) {
        // The string only matters when a parameter is a string.
        if (text !== STRINGS[0] && !kinds.some((k) => k !== 'number' && k !== 'array')) continue;
        const call = { kinds, text };
        if (works(fn, call)) return call;
      }
    }
  }
  return null;
}

const EN_LEAVES = new Map(SECTIONS.map((s) => [s, leaves(CATALOGUES.en[s], '')]));
/** How each English message is called (found once, then used for every language). */
const CALLS = new Map<string, Call | null>();
for (const section of SECTIONS) {
  for (const [path, value] of EN_LEAVES.get(section)!) {
    if (typeof value === 'function') CALLS.set(`${section}.${path}`, findCall(value as (...a: unknown[]) => unknown));
  }
}

/** A leaf as a person reads it: the string, or what the message says for its plausible call. */
function reading(section: string, path: string, value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'function') return null;
  const call = CALLS.get(`${section}.${path}`);
  if (!call) return null;
  try {
    const said = (value as (...a: unknown[]) => unknown)(...args(call, 1));
    return typeof said === 'string' ? said : null;
  } catch {
    return null;
  }
}

// ---- The tests ----------------------------------------------------------------------------

describe('the catalogue has the same shape in every language', () => {
  it.each(
    (['es', 'pseudo'] as const).flatMap((locale) => SECTIONS.map((section) => [locale, section] as const)),
  )('%s %s has every English key, of the same kind, and no other', (locale, section) => {
    const problems: string[] = [];
    const compare = (en: unknown, other: unknown, path: string) => {
      if (kind(en) !== kind(other)) {
        problems.push(`${path}: ${kind(other)} where English has ${kind(en)}`);
        return;
      }
      if (kind(en) === 'object') {
        const a = en as Tree;
        const b = other as Tree;
        for (const key of Object.keys(a)) compare(a[key], b[key], `${path}.${key}`);
        for (const key of Object.keys(b)) if (!(key in a)) problems.push(`${path}.${key}: not in English`);
      }
      if (kind(en) === 'array' && (en as unknown[]).length !== (other as unknown[]).length) {
        problems.push(`${path}: ${(other as unknown[]).length} items where English has ${(en as unknown[]).length}`);
      }
    };
    compare(CATALOGUES.en[section], CATALOGUES[locale][section], section);
    expect(problems).toEqual([]);
  });
});

describe('every message reads as a text, whatever plausible values it gets', () => {
  it.each((['en', 'es', 'pseudo'] as const).flatMap((locale) => SECTIONS.map((section) => [locale, section] as const)))(
    '%s %s',
    (locale, section) => {
      const problems: string[] = [];
      for (const [path, value] of leaves(CATALOGUES[locale][section], '')) {
        if (typeof value === 'string') {
          // '' is allowed: a deliberately empty text (e.g. no micro-win).
          if (BROKEN.test(value)) problems.push(`${section}.${path}: says “${value}”`);
          continue;
        }
        if (typeof value !== 'function') {
          problems.push(`${section}.${path}: is a ${kind(value)}, not a text or a message`);
          continue;
        }
        const call = CALLS.get(`${section}.${path}`);
        if (call === undefined) continue; // not in English: the shape test reports it
        if (call === null) {
          // No plausible call worked in English: show what the simplest ones say.
          const tries = [{ kinds: [], text: 'Sam' }, { kinds: ['any'], text: 'Sam' }] as Call[];
          problems.push(`${section}.${path}: no plausible call reads right (${tries.map((c) => flaw(value, c, 1)).join('; ')})`);
          continue;
        }
        for (let variant = 0; variant < NUMBERS.length; variant++) {
          const wrong = flaw(value, call, variant);
          if (wrong) problems.push(`${section}.${path}(${args(call, variant).map((a) => JSON.stringify(a) ?? 'value').join(', ')}): ${wrong}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('pseudo fences every text and every message, so a text without the fence came from elsewhere', () => {
    const unfenced: string[] = [];
    for (const section of SECTIONS) {
      for (const [path, value] of leaves(CATALOGUES.pseudo[section], '')) {
        const said = reading(section, path, value);
        if (said && !/^⟦[^]*⟧$/.test(said)) unfenced.push(`${section}.${path}: “${said}”`);
      }
    }
    expect(unfenced).toEqual([]);
  });
});

describe('the checker itself', () => {
  it('finds a plausible call for sound messages and none for broken ones', () => {
    const f = createFmt('en');
    expect(findCall((n: number) => f.plural(n, { zero: 'No days', one: '# day', other: '# days' }))).toEqual({ kinds: ['number'], text: 'Sam' });
    expect(findCall((p: unknown) => `Up to ${f.number((p as { max: number }).max)}.`)).not.toBeNull();
    expect(findCall((n: number) => `${n} of ${n / 0 - n / 0}`)).toBeNull();
    expect(findCall(() => `Hello ${String(undefined)}`)).toBeNull();
    expect(findCall((p: unknown) => `${({} as Record<string, string>)[(p as { kind: string }).kind]} days`)).toBeNull();
  });
});

describe('Spanish is Spanish', () => {
  it.each(SECTIONS)('es %s: at least 90% of its texts differ from the English', (section) => {
    const es = leaves(CATALOGUES.es[section], '');
    let counted = 0;
    const english: string[] = [];
    for (const [path, value] of EN_LEAVES.get(section)!) {
      if (path.split('.').some((key) => key.startsWith('_'))) continue; // scaffolding markers
      const en = reading(section, path, value);
      // Texts with no letters (a count, '') and the name Tandem read the same in any language.
      if (!en || !/\p{L}/u.test(en) || /^Tandem$/.test(en)) continue;
      counted++;
      if (reading(section, path, es.get(path)) === en) english.push(path);
    }
    const share = counted === 0 ? 0 : (counted - english.length) / counted;
    const report =
      counted === 0
        ? `section ${section} has no texts yet`
        : `section ${section}: ${english.length} of ${counted} texts are still English (${english.slice(0, 12).join(', ')}${english.length > 12 ? ', …' : ''})`;
    expect(share >= 0.9, report).toBe(true);
  });
});

describe('counted limits read right for 1 and for 50', () => {
  // The three plurals that were once built by hand: "plan entrys", "value or goals" and
  // "a coping step entries". Each limit is a problem code with the count as `max`.
  const LIMITS = [
    { section: 'plan', code: 'plan.full', facts: [{ what: 'entry' }, { what: 'value' }, { what: 'contact' }] },
    { section: 'plan', code: 'text.tooMany', facts: [{ field: 'trigger' }, { field: 'step' }] },
  ] as const;
  const ENGLISH_BROKEN =
    /entrys|\bvalue or goals|\bstep entries|\b1 (?:[a-z-]+ )*(?:entries|situations|steps|values|goals|contacts|items)\b/;

  /** The words after the count, up to the next punctuation: "coping steps" in "up to 50 coping steps;". */
  const after = (text: string, n: number) => new RegExp(`\\b${n}\\s+([^.;,:!?)]+)`).exec(text)?.[1]?.trim();

  it.each(LIMITS.flatMap((limit) => limit.facts.map((facts) => [limit.code, JSON.stringify(facts), limit, facts] as const)))(
    '%s %s',
    (code, _label, limit, facts) => {
      const problems: string[] = [];
      for (const locale of ['en', 'es'] as const) {
        const section = CATALOGUES[locale][limit.section] as { problems?: Record<string, (p: unknown) => string> };
        const say = section.problems?.[code];
        if (!say) {
          problems.push(`${locale}: ${limit.section}.problems has no '${code}' yet`);
          continue;
        }
        const text = (max: number) => say({ code, ...facts, max, count: max + 1, length: max + 1 });
        const one = text(1);
        const fifty = text(50);
        for (const t of [one, fifty]) if (BROKEN.test(t)) problems.push(`${locale}: “${t}”`);
        if (locale === 'en' && (ENGLISH_BROKEN.test(one) || ENGLISH_BROKEN.test(fifty))) problems.push(`en: “${one}” / “${fifty}”`);
        const singular = after(one, 1);
        const plural = after(fifty, 50);
        if (!singular || !plural) problems.push(`${locale}: the count is not in “${one}” / “${fifty}”`);
        else if (singular === plural) problems.push(`${locale}: “${singular}” for both 1 and 50 (“${one}” / “${fifty}”)`);
      }
      expect(problems).toEqual([]);
    },
  );
});

describe('the background speaks the person’s language', () => {
  it('picks the language as the pages do: the one chosen on this device, else the browser’s', () => {
    expect(backgroundWords('es', ['en-US']).badge.due).toBe(CATALOGUES.es.main.badge.due);
    expect(backgroundWords(undefined, ['es-MX', 'en']).notificationDefault).toBe(CATALOGUES.es.main.notificationDefault);
    expect(backgroundWords(undefined, ['fr', 'en-GB']).badge).toEqual(CATALOGUES.en.main.badge);
    // The pseudo-locale is for the pages' tests: the toolbar speaks a real language.
    expect(backgroundWords('pseudo', ['en-US']).badge).toEqual(CATALOGUES.en.main.badge);
  });

  it('titles the button and words the default notification text ("") in that language', async () => {
    const titles: string[] = [];
    const action = {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async ({ title }: { title: string }) => void titles.push(title),
    };
    let chosen = 'en';
    const words = async () => backgroundWords(chosen, []);
    const badge = extensionBadge(action, async () => (await words()).badge);
    await badge.show(true);
    chosen = 'es';
    await badge.show(false);
    expect(titles).toEqual([CATALOGUES.en.main.badge.due, CATALOGUES.es.main.badge.idle]);

    const shown: { title: string; message: string }[] = [];
    const notifier = extensionNotifier(
      () => ({ create: async (_id, o) => (shown.push({ title: o.title, message: o.message }), _id), clear: async () => true }),
      { contains: async () => true },
      '/icon.png',
      async () => {
        const w = await words();
        return { title: w.badge.notificationTitle, defaultText: w.notificationDefault };
      },
    );
    await notifier.show('');
    await notifier.show('Check in, Sam?');
    expect(shown).toEqual([
      { title: 'Tandem', message: CATALOGUES.es.main.notificationDefault },
      { title: 'Tandem', message: 'Check in, Sam?' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { readCsv } from '../../lib/import/csvTable';
import { defaultMood, haltTagOf, moodLabels, parseLocalDate, parseTime, readDaylio } from '../../lib/import/daylio';
import { daylioCheckins } from '../../lib/import/daylioRecords';
import { daylioBackup, openSheet, openSheetInSlices, SheetError } from '../../lib/import/sheet';
import { instantAt } from '../../lib/days';
import type { Mood } from '../../lib/db/schema';

// Daylio's CSV as it comes from phones in the wild (issue 15), written here from its description.

const NOW = Date.UTC(2026, 11, 1);
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readDaylio(readCsv(text));
const OPTIONS = { timeZone: 'Europe/Madrid', dayStartHour: 4, activitiesLabel: 'Activities' };
const DEFAULTS: ReadonlyMap<string, Mood> = new Map([['rad', 5], ['good', 4], ['meh', 3], ['bad', 2], ['awful', 1]]);

const MODERN = [
  'full_date,date,weekday,time,mood,activities,note_title,note',
  '2023-10-07,October 7,Saturday,5:01 PM,good,work | friends | tired,Late,"Long day, but ok"',
  '2023-10-07,October 7,Saturday,8:15 AM,rad,,,',
  '2023-10-06,October 6,Friday,12:05 AM,meh,"hungry | cooking, slowly","","Line one\nLine two with a | pipe and ""quotes"""',
].join('\r\n');

describe('reading a Daylio export', () => {
  it('reads the modern export with a header: 12-hour times, activities, quoted commas, pipes and line breaks', () => {
    const r = read(MODERN);
    expect(r.hasHeader).toBe(true);
    expect(r.layout).toBe('full_date');
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.date, x.minutes, x.mood])).toEqual([
      ['2023-10-07', 17 * 60 + 1, 'good'],
      ['2023-10-07', 8 * 60 + 15, 'rad'],
      ['2023-10-06', 5, 'meh'],
    ]);
    expect(r.rows[0]!.activities).toEqual(['work', 'friends', 'tired']);
    expect(r.rows[2]!.activities).toEqual(['hungry', 'cooking, slowly']);
    expect(r.rows[2]!.note).toBe('Line one\nLine two with a | pipe and "quotes"');
    expect(r.rows[2]!.line).toBe(4);
  });

  it('reads a file that starts with a byte-order mark, and one with no header row', () => {
    const bom = openSheet(bytes(`\uFEFF${MODERN}`), NOW);
    expect(bom.kind === 'daylio' && bom.read.rows.length).toBe(3);
    const headless = read(MODERN.split('\r\n').slice(1).join('\n'));
    expect(headless.hasHeader).toBe(false);
    expect(headless.rows.map((x) => x.note)).toEqual(['Long day, but ok', '', 'Line one\nLine two with a | pipe and "quotes"']);
    expect(headless.rows[0]!.title).toBe('Late');
  });

  it.each([
    ['English', 'October 7', 'Saturday', '5:01 PM'],
    ['Spanish', '7 de octubre', 'sábado', '17:01'],
    ['German', '7. Oktober', 'Samstag', '17:01'],
    ['French', '7 octobre', 'samedi', '17:01'],
    ['Portuguese', '7 de outubro', 'sábado', '17:01'],
    ['Polish', '7 października', 'sobota', '17:01'],
    ['Spanish, 12-hour with dots', '7 de oct.', 'sáb.', '5:01 p. m.'],
  ])('reads an older export (year + a date in %s), with or without a header', (_language, date, weekday, time) => {
    const row = `2018,"${date}",${weekday},${time},bien,trabajo | cansada,"Mi nota"`;
    for (const text of [`year,date,weekday,time,mood,activities,note\n${row}`, row]) {
      const r = read(text);
      expect(r.layout).toBe('year');
      expect(r.problems).toEqual([]);
      expect(r.rows).toEqual([{ line: text.startsWith('year') ? 2 : 1, date: '2018-10-07', minutes: 17 * 60 + 1, mood: 'bien', activities: ['trabajo', 'cansada'], title: '', note: 'Mi nota' }]);
    }
  });

  it('reads month names in every language for every month', () => {
    const months = {
      en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
      es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
      de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
      fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
      pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
      pl: ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
    };
    for (const names of Object.values(months)) {
      names.forEach((name, i) => expect(parseLocalDate(`12 ${name}`, 2019), name).toBe(`2019-${String(i + 1).padStart(2, '0')}-12`));
    }
    expect(parseLocalDate('31 de febrero', 2019)).toBeNull();
    expect(parseLocalDate('29 February', 2020)).toBe('2020-02-29');
    // "jui" could be juin or juillet: not guessed.
    expect(parseLocalDate('3 jui', 2020)).toBeNull();
  });

  it('reads 24-hour and 12-hour times, and refuses what is no time', () => {
    expect(parseTime('00:00')).toBe(0);
    expect(parseTime('23:59')).toBe(1439);
    expect(parseTime('12:00 AM')).toBe(0);
    expect(parseTime('12:30 PM')).toBe(750);
    expect(parseTime('1:05 pm')).toBe(13 * 60 + 5);
    expect(parseTime('9:07 a.m.')).toBe(9 * 60 + 7);
    for (const bad of ['24:00', '13:00 PM', '7', 'noon', '']) expect(parseTime(bad), bad).toBeNull();
  });

  it('lists renamed and extra moods with their counts, pre-placing the defaults and their translations', () => {
    const text = ['full_date,date,weekday,time,mood,activities,note_title,note']
      .concat(['rad', 'Super happy', 'Super happy', 'genial', 'meh', 'mal', 'horrible', 'sleepy', 'Gut'].map((m, i) => `2024-01-${String(i + 1).padStart(2, '0')},x,y,10:00,${m},,,`))
      .join('\n');
    expect(moodLabels(read(text).rows)).toEqual([
      { label: 'Super happy', count: 2, suggested: null },
      { label: 'Gut', count: 1, suggested: 4 },
      { label: 'genial', count: 1, suggested: 5 },
      { label: 'horrible', count: 1, suggested: 1 },
      { label: 'mal', count: 1, suggested: 2 },
      { label: 'meh', count: 1, suggested: 3 },
      { label: 'rad', count: 1, suggested: 5 },
      { label: 'sleepy', count: 1, suggested: null },
    ]);
    expect(defaultMood('AWFUL')).toBe(1);
  });

  it('reads a row a field short (and says so), and names rows whose date, time or mood can not be read', () => {
    const text = [
      'full_date,date,weekday,time,mood,activities,note_title,note',
      '2023-10-07,October 7,Saturday,17:00,good,work',
      '2023-13-07,?,?,17:00,good,,,',
      '2023-10-08,October 8,Sunday,25:00,good,,,',
      '2023-10-09,October 9,Monday,10:00,,,,',
    ].join('\n');
    const r = read(text);
    expect(r.rows.map((x) => [x.line, x.activities, x.note])).toEqual([[2, ['work'], '']]);
    expect(r.problems).toEqual([
      { line: 2, code: 'short', value: '' },
      { line: 3, code: 'date', value: '2023-13-07' },
      { line: 4, code: 'time', value: '25:00' },
      { line: 5, code: 'mood', value: '' },
    ]);
  });

  it('refuses what is not a Daylio or Tandem spreadsheet, and a file cut inside a quote', () => {
    const reason = (text: string) => {
      try {
        openSheet(bytes(text), NOW);
        return 'read';
      } catch (err) {
        return err instanceof SheetError ? err.reason : 'other';
      }
    };
    expect(reason('')).toBe('empty');
    expect(reason('  \n ')).toBe('empty');
    expect(reason('name,phone\nSam,123')).toBe('unknown');
    expect(reason('{"format":"tandem-backup"}')).toBe('unknown');
    expect(reason(`${MODERN}\n2023-10-05,October 5,Thursday,10:00,good,,,"never closed`)).toBe('damaged');
    expect(reason('type,day,local time,mood\ncheck-in,2026-03-10,2026-03-10 10:00,3')).toBe('old-tandem');
    expect(reason('\u00ff')).toBe('unknown');
    const latin1 = new Uint8Array([0x32, 0x30, 0x31, 0x38, 0x2c, 0xe9]);
    expect(() => openSheet(latin1, NOW)).toThrow(SheetError);
  });
});

describe('Daylio entries as check-ins', () => {
  it('reads each time in this device’s zone on that date, HALT activities become tags, the rest join the note', async () => {
    const r = read(MODERN);
    const { checkins, unplaced } = await daylioCheckins(r.rows, DEFAULTS, OPTIONS);
    expect(unplaced.size).toBe(0);
    const first = checkins[0]!;
    expect(first.at).toBe(instantAt('2023-10-07', 17 * 60 + 1, 'Europe/Madrid'));
    expect(first).toMatchObject({ utcOffset: 120, timeZone: 'Europe/Madrid', mood: 4, win: '', tags: ['tired'], day: '2023-10-07', deletedAt: null });
    expect(first.note).toBe('Late\n\nLong day, but ok\n\nActivities: work | friends');
    expect(checkins[1]!.note).toBe('');
    expect(checkins[2]).toMatchObject({ tags: ['hungry'], day: '2023-10-05' /* 00:05 is before the day starts at 4 */ });
    expect(checkins[2]!.note).toBe('Line one\nLine two with a | pipe and "quotes"\n\nActivities: cooking, slowly');
    // Spanish HALT words, any case and accents.
    expect(['Hambre', 'enfadada', 'Soledad', 'CANSADO', 'tired'].map(haltTagOf)).toEqual(['hungry', 'angry', 'lonely', 'tired', 'tired']);
    expect(haltTagOf('sleep')).toBeNull();
  });

  it('gives the same ids to the same file every time, different ones to repeated identical entries, and skips unplaced moods', async () => {
    const text = `${MODERN}\n2023-10-07,October 7,Saturday,8:15 AM,rad,,,\n2023-10-08,October 8,Sunday,9:00,sleepy,,,`;
    const a = await daylioCheckins(read(text).rows, DEFAULTS, OPTIONS);
    const b = await daylioCheckins(read(text).rows, new Map([...DEFAULTS, ['good', 5]]), OPTIONS);
    expect(a.checkins.map((c) => c.id)).toEqual(b.checkins.map((c) => c.id));
    expect(new Set(a.checkins.map((c) => c.id)).size).toBe(4);
    expect(a.unplaced).toEqual(new Map([['sleepy', 1]]));
    for (const c of a.checkins) expect(c.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('reads 10,000 rows of every kind, with progress, and yields between slices', async () => {
    const kinds = [
      (i: number) => `2020-01-01,x,y,${(i % 12) + 1}:${String(i % 60).padStart(2, '0')} PM,good,work | tired,,"note ${i}, with comma"`,
      (i: number) => `2021-02-03,x,y,${i % 24}:${String(i % 60).padStart(2, '0')},Custom mood,,"title",""`,
      (i: number) => `2022-03-04,x,y,07:00,awful,"a | b | c","","multi\nline ${i}"`,
    ];
    const lines = ['full_date,date,weekday,time,mood,activities,note_title,note'];
    for (let i = 0; i < 10_000; i++) lines.push(kinds[i % 3]!(i));
    const sheet = openSheet(bytes(lines.join('\r\n')), NOW);
    if (sheet.kind !== 'daylio') throw new Error('not read as Daylio');
    expect(sheet.read.rows).toHaveLength(10_000);
    expect(sheet.read.problems).toEqual([]);
    expect(sheet.labels.map((l) => [l.label, l.count])).toEqual([['good', 3334], ['Custom mood', 3333], ['awful', 3333]]);
    const seen: number[] = [];
    let pauses = 0;
    const made = await daylioCheckins(sheet.read.rows, new Map([...DEFAULTS, ['Custom mood', 3]]), OPTIONS, {
      pause: async () => void pauses++,
      progress: (p) => seen.push(p),
    });
    expect(made.checkins).toHaveLength(10_000);
    expect(new Set(made.checkins.map((c) => c.id)).size).toBe(10_000);
    expect(pauses).toBe(19);
    expect(seen[seen.length - 1]).toBe(1);

    // Read and checked in slices, the page waits between them and the outcome is the same.
    let waits = 0;
    const sliced = await openSheetInSlices(bytes(lines.join('\r\n')), NOW, async () => void waits++);
    expect(sliced).toEqual(sheet);
    expect(waits).toBeGreaterThan(5);
    const placed = new Map([...DEFAULTS, ['Custom mood', 3] as const]);
    const whole = await daylioBackup(sheet.read, placed, { ...OPTIONS, now: NOW });
    const inSlices = await daylioBackup(sheet.read, placed, { ...OPTIONS, now: NOW }, { pause: async () => undefined });
    expect(inSlices).toEqual(whole);
    expect(whole.backup.tables.checkins).toHaveLength(10_000);
    expect(whole.backup.refused.count).toBe(0);
    // Ten thousand rows read four times over: time is bench's to judge (scripts/bench.mjs), not this test's.
  }, 120_000);
});

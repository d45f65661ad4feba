import { describe, expect, it } from 'vitest';
import { byLeastRecent, glance } from '../../lib/share/glance';
import type { KeptMentee } from '../../lib/share/menteeList';
import type { Snapshot } from '../../lib/share/model';

// The mentor's list at a glance: facts for one short line per person, least recently heard from first.

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 12);

function snap(over: Partial<Snapshot> = {}): Snapshot {
  return {
    name: 'Ana',
    createdAt: NOW - 3 * DAY,
    expiresAt: NOW + 10 * DAY,
    period: 7,
    lastDay: '2026-11-24',
    streak: { current: 4, best: 9 },
    checkins: [1, 1, 1, 1, 1, 1, 1],
    reflections: { nearMisses: 0, setbacks: 0 },
    ...over,
  };
}
const kept = (snapshot: Snapshot, previous?: Snapshot): KeptMentee => ({ name: snapshot.name, snapshot, changes: null, keptAt: NOW, ...(previous ? { previous } : {}) });

describe('the mentor’s list at a glance', () => {
  it('says how long ago, the streak, and that no mood was shared', () => {
    expect(glance(kept(snap()), NOW)).toEqual({ daysSince: 3, streak: 4, mood: 'none', moodAverage: null });
    expect(glance(kept(snap({ createdAt: NOW + 5000 })), NOW).daysSince).toBe(0);
  });

  it('reads the mood trend within a long link, or against the snapshot before for a 7-day one', () => {
    const rising = snap({ period: 30, checkins: new Array(30).fill(1), mood: [...new Array(23).fill(25), ...new Array(7).fill(40)] });
    expect(glance(kept(rising), NOW)).toMatchObject({ mood: 'up', moodAverage: 4 });
    const week = snap({ mood: [30, 30, 30, 30, 30, 30, 30] });
    expect(glance(kept(week), NOW)).toMatchObject({ mood: null, moodAverage: 3 });
    expect(glance(kept(week, snap({ mood: [40, 40, 40, 40, 40, 40, 40] })), NOW)).toMatchObject({ mood: 'down' });
    expect(glance(kept(week, snap({ mood: [31, 31, 31, 31, 31, 31, 31] })), NOW)).toMatchObject({ mood: 'steady' });
  });

  it('shows the wellbeing trend only when shared, a change of 10 points or more counting', () => {
    expect(glance(kept(snap()), NOW).wellbeing).toBeUndefined();
    expect(glance(kept(snap({ wellbeing: [{ day: 0, score: 48 }] })), NOW).wellbeing).toEqual({ latest: 48, trend: null });
    expect(glance(kept(snap({ wellbeing: [{ day: 0, score: 48 }, { day: 6, score: 64 }] })), NOW).wellbeing).toEqual({ latest: 64, trend: 'up' });
    expect(glance(kept(snap({ wellbeing: [{ day: 0, score: 48 }, { day: 6, score: 52 }] })), NOW).wellbeing).toEqual({ latest: 52, trend: 'steady' });
    expect(glance(kept(snap({ wellbeing: [{ day: 6, score: 20 }] }), snap({ wellbeing: [{ day: 1, score: 60 }] })), NOW).wellbeing).toEqual({ latest: 20, trend: 'down' });
  });

  it('sorts who was heard from least recently first, ties by name', () => {
    const list = [kept(snap({ name: 'Cy', createdAt: NOW - DAY })), kept(snap({ name: 'Bo', createdAt: NOW - 5 * DAY })), kept(snap({ name: 'Al', createdAt: NOW - DAY }))];
    expect([...list].sort(byLeastRecent).map((k) => k.name)).toEqual(['Bo', 'Al', 'Cy']);
  });
});

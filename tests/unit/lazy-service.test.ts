import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createLive, type Live } from '../../lib/liveService';
import { lazyService } from '../../lib/lazyService';
import { openDatabase } from '../../lib/db/schema';

// A service whose code loads on first use (lib/lazyService.ts): calls wait for it, Live values
// subscribe once it is there, and after load() a Dexie live query through it keeps observing.

interface Counter {
  add(n: number): Promise<number>;
  total: Live<number>;
}

function counter(): Counter {
  let sum = 0;
  let emit: ((v: number) => void) | null = null;
  return {
    add: async (n: number) => {
      sum += n;
      emit?.(sum);
      return sum;
    },
    total: createLive<number>((e) => {
      emit = e;
      e(sum);
      return () => {
        emit = null;
      };
    }),
  };
}

describe('lazyService', () => {
  it('loads nothing until used, then once, and answers calls made before it arrived', async () => {
    let loads = 0;
    const lazy = lazyService(async () => {
      loads++;
      return counter();
    }, ['total']);
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([lazy.service.add(2), lazy.service.add(3)]);
    expect([a, b].sort()).toEqual([2, 5]);
    expect(loads).toBe(1);
    await lazy.load();
    expect(loads).toBe(1);
  });

  it('gives a Live that has no value before the code, then follows the real one', async () => {
    const lazy = lazyService(async () => counter(), ['total']);
    expect(lazy.service.total.current()).toBeUndefined();
    const seen: number[] = [];
    const stop = lazy.service.total.subscribe((v) => seen.push(v));
    await lazy.load();
    await lazy.service.add(4);
    expect(seen).toEqual([0, 4]);
    expect(lazy.service.total.current()).toBe(4);
    stop();
    await lazy.service.add(1);
    expect(seen).toEqual([0, 4]);
  });

  it('an unsubscribe before the code arrived never subscribes', async () => {
    const lazy = lazyService(async () => counter(), ['total']);
    const seen: number[] = [];
    const stop = lazy.service.total.subscribe((v) => seen.push(v));
    stop();
    await lazy.load();
    await lazy.service.add(1);
    expect(seen).toEqual([]);
  });

  it('tries the download again after it failed (offline), and reports the failure', async () => {
    let attempt = 0;
    const lazy = lazyService(async () => {
      attempt++;
      if (attempt === 1) throw new Error('offline');
      return counter();
    }, ['total']);
    await expect(lazy.service.add(1)).rejects.toThrow('offline');
    await expect(lazy.service.add(1)).resolves.toBe(1);
  });

  it('is not taken for a promise', async () => {
    const lazy = lazyService(async () => counter(), ['total']);
    // `await` on a thenable would call its then(); the service must come back as itself.
    expect(await Promise.resolve(lazy.service)).toBe(lazy.service);
  });

  it('once loaded, a Dexie live query through it sees later writes', async () => {
    const db = openDatabase(`lazy-${Math.random()}`);
    const lazy = lazyService(async () => ({ count: () => db.dayStats.count() }));
    await lazy.load();
    const counts: number[] = [];
    const sub = liveQuery(() => lazy.service.count()).subscribe((n) => counts.push(n));
    await new Promise((r) => setTimeout(r, 50));
    await db.dayStats.put({ day: '2026-01-01' } as never);
    await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    db.close();
    expect(counts).toEqual([0, 1]);
  });
});

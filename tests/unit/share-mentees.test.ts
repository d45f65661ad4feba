import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createMenteeList, MENTEE_DB } from '../../lib/share/menteeList';

const names = async () => (await indexedDB.databases()).map((d) => d.name);

describe('the mentor’s list in browsers that cannot list databases', () => {
  it('looking at the list creates no database', async () => {
    const listing = indexedDB.databases.bind(indexedDB);
    Object.defineProperty(indexedDB, 'databases', { value: undefined, configurable: true });
    try {
      const list = createMenteeList();
      expect(await list.load(Date.now())).toEqual({ kept: [], expired: 0 });
    } finally {
      Object.defineProperty(indexedDB, 'databases', { value: listing, configurable: true });
    }
    expect(await names()).not.toContain(MENTEE_DB);
  });
});

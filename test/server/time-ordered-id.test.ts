import { describe, expect, it } from 'vitest';
import { newTimeOrderedId } from '../../src/server/auth/crypto-utils.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('event ids', () => {
  it('are UUID v7 whose first 48 bits are the creation millisecond', () => {
    const at = Date.parse('2026-12-01T06:59:00.123Z');
    const id = newTimeOrderedId(at);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sort by creation time, and differ within one millisecond', () => {
    const times = [Date.parse('1999-01-01T00:00:00Z'), Date.now(), Date.now() + 1, 2 ** 47];
    const ids = times.map((at) => newTimeOrderedId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => newTimeOrderedId(times[1]))).size).toBe(1000);
  });
});

import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalLeafAroundSequence,
  leafAtSequence,
  canonicalLeafJson,
} from '../../src/contract/leaf.js';
import { jcs, jcsLeaf } from '../support/rfc8785.js';

// RFC 8785 §3.2.2 and §3.2.3, as JSON texts.
const RFC_VALUES = String.raw`{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}`;
const RFC_VALUES_CANONICAL = String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`;
const RFC_SORTING = String.raw`{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"}`;
const RFC_SORTED_VALUES = [
  'Carriage Return',
  'One',
  'Control',
  'Latin Small Letter O With Diaeresis',
  'Euro Sign',
  'Emoji: Grinning Face',
  'Hebrew Letter Dalet With Dagesh',
];

const EVENT = {
  id: '7c1e1f0a-3c1b-4b8e-9a53-0c6f4d9b2e11',
  tenant_id: 'acme',
  sequence: 41,
  timestamp: '2026-03-10T12:00:00.000Z',
  created_at: '2026-03-10T12:00:01.250Z',
  event_type: 'data_modification',
  severity: 'warning',
  action: 'invoice.update',
  resource_type: 'invoice',
  resource_id: 'inv-1',
  user_id: 'alice',
  ip_address: null,
  user_agent: 'Mozilla/5.0 "quoted"\n',
  session_id: null,
  correlation_id: null,
  description: 'Changed amount from 10 to 1e21 € 😀',
  metadata: { z: [1.5, 1e21, -0, 0.1], a: { '\u00f6': true, '\r': null }, __proto__x: 'x' },
};

describe('canonical JSON (RFC 8785)', () => {
  it("writes the RFC's own examples exactly (both implementations)", () => {
    for (const serialise of [jcs, canonicalJson]) {
      expect(serialise(JSON.parse(RFC_VALUES))).toBe(RFC_VALUES_CANONICAL);
      const sorted = JSON.parse(serialise(JSON.parse(RFC_SORTING))) as Record<string, string>;
      expect(serialise(JSON.parse(RFC_SORTING))).toBe(
        `{${Object.entries(JSON.parse(RFC_SORTING) as Record<string, string>)
          .sort(([, a], [, b]) => RFC_SORTED_VALUES.indexOf(a) - RFC_SORTED_VALUES.indexOf(b))
          .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
          .join(',')}}`,
      );
      expect(Object.keys(sorted)).toHaveLength(RFC_SORTED_VALUES.length);
    }
  });

  it('builds the same leaf as the independent implementation, absent fields as null', () => {
    expect(canonicalLeafJson(EVENT)).toBe(jcsLeaf(EVENT));
    const sparse = { id: 'e1', tenant_id: 't', sequence: 0, description: 'x' };
    expect(canonicalLeafJson(sparse)).toBe(jcsLeaf(sparse));
    expect(JSON.parse(canonicalLeafJson(sparse))).toMatchObject({ metadata: null, user_id: null });
    // Extra fields are not part of a leaf.
    expect(canonicalLeafJson({ ...EVENT, extra: 1 } as typeof EVENT)).toBe(jcsLeaf(EVENT));
  });

  it('writes the same leaf around a sequence learnt later', () => {
    for (const sequence of [0, 41, 9_007_199_254_740_991]) {
      const parts = canonicalLeafAroundSequence(EVENT);
      expect(leafAtSequence(parts, sequence)).toBe(jcsLeaf({ ...EVENT, sequence }));
    }
  });

  it('refuses text with an unpaired surrogate, which canonical JSON cannot hold', () => {
    expect(() => canonicalLeafJson({ ...EVENT, description: 'broken \ud800' })).toThrow(TypeError);
    expect(() => canonicalLeafJson({ ...EVENT, metadata: { k: 'x\udc00' } })).toThrow(TypeError);
  });
});

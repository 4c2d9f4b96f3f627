import { describe, expect, it } from 'vitest';
import type { AuditLogEvent } from '../../../src/client/index.js';
import {
  pivotQuery,
  pivotValue,
  resourceHistoryQuery,
  resourceOf,
} from '../../../src/components/pivots/pivot-model.js';

describe('pivotQuery', () => {
  it('narrows a field to the one value, keeping every other filter and the sort', () => {
    const query = {
      actions: ['read', 'delete'],
      severities: ['error' as const],
      search: 'apollo',
      sort_by: 'severity' as const,
    };
    expect(pivotQuery(query, 'action', 'delete', 'include')).toEqual({
      actions: ['delete'],
      severities: ['error'],
      search: 'apollo',
      sort_by: 'severity',
    });
  });

  it('excludes a value beside those already excluded, and drops it from the picked ones', () => {
    const query = { user_ids: ['alice', 'bob'], exclude_user_ids: ['carol'] };
    expect(pivotQuery(query, 'user_id', 'bob', 'exclude')).toEqual({
      user_ids: ['alice'],
      exclude_user_ids: ['carol', 'bob'],
    });
  });

  it('takes an excluded value back when filtering to it, and never lists a value twice', () => {
    const excluded = pivotQuery({}, 'ip_address', '10.0.0.1', 'exclude');
    expect(pivotQuery(excluded, 'ip_address', '10.0.0.1', 'exclude')).toEqual(excluded);
    expect(pivotQuery(excluded, 'ip_address', '10.0.0.1', 'include')).toEqual({
      ip_addresses: ['10.0.0.1'],
    });
  });
});

describe('an event’s values and resource', () => {
  const event = {
    resource_type: 'project',
    resource_id: 'apollo',
    user_id: null,
    severity: 'info',
  } as AuditLogEvent;

  it('reads a field’s value, and nothing for an empty one', () => {
    expect(pivotValue(event, 'severity')).toBe('info');
    expect(pivotValue(event, 'user_id')).toBeNull();
  });

  it('names the resource only when the event has its id, and reads its history oldest first', () => {
    expect(resourceOf({ ...event, resource_id: null })).toBeNull();
    const resource = resourceOf(event)!;
    expect(resourceHistoryQuery(resource)).toEqual({
      resource_types: ['project'],
      resource_ids: ['apollo'],
      sort_by: 'timestamp',
      sort_order: 'asc',
    });
  });
});

// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  parseAuditUrlState,
  useAuditQueryParams,
  type AuditUrlState,
} from '../../../src/components/filters/index.js';

const shared: AuditUrlState = {
  query: {
    severities: ['error', 'critical'],
    user_ids: ['alice', 'bob'],
    start_date: '2024-01-01T00:00:00Z',
    search: 'invoice & co',
    sort_by: 'severity',
  },
  page: 3,
  columns: ['time', 'severity', 'action'],
  eventId: undefined,
};

beforeEach(() => {
  window.history.replaceState(null, '', '/audit?tab=events');
});

describe('useAuditQueryParams', () => {
  it('writes the query to the URL with repeated list parameters, and reads it back', () => {
    const { result } = renderHook(() => useAuditQueryParams());
    const entries = window.history.length;
    act(() => result.current[1](shared));
    // Editing filters replaces the history entry instead of piling up Back steps.
    expect(window.history.length).toBe(entries);
    const params = new URLSearchParams(window.location.search);
    expect(params.getAll('severities')).toEqual(['error', 'critical']);
    expect(params.getAll('user_ids')).toEqual(['alice', 'bob']);
    expect(params.getAll('columns')).toEqual(['time', 'severity', 'action']);
    expect(params.get('page')).toBe('3');
    expect(params.get('tab')).toBe('events');
    expect(result.current[0]).toEqual(shared);

    // A second page load over the same URL sees the same state.
    const { result: reloaded } = renderHook(() => useAuditQueryParams());
    expect(reloaded.current[0]).toEqual(shared);
  });

  it('opens an event as a new history entry, and Back closes it', () => {
    const { result } = renderHook(() => useAuditQueryParams());
    act(() => result.current[1](shared));
    const before = window.history.length;
    act(() => result.current[1]((state) => ({ ...state, eventId: 'evt-42' })));
    expect(window.history.length).toBe(before + 1);
    expect(result.current[0].eventId).toBe('evt-42');

    // What the browser does on Back: the URL changes, then popstate fires.
    act(() => {
      window.history.replaceState(null, '', `/audit?severities=warning&page=2`);
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current[0]).toEqual({
      query: { severities: ['warning'] },
      page: 2,
      columns: undefined,
      eventId: undefined,
    });
  });

  it('builds a shareable link to one event under the current filters', () => {
    const { result } = renderHook(() => useAuditQueryParams());
    act(() => result.current[1](shared));
    const link = new URL(result.current[2]('evt 7/x'));
    expect(link.origin).toBe(window.location.origin);
    expect(link.pathname).toBe('/audit');
    expect(link.searchParams.get('event')).toBe('evt 7/x');
    expect(parseAuditUrlState(link.search)).toEqual({ ...shared, eventId: 'evt 7/x' });
  });

  it('ignores unknown and invalid parameters instead of failing', () => {
    const state = parseAuditUrlState(
      '?severities=error&severities=loud&event_types=nope&page=-2&sort_by=evil&sort_order=up' +
        '&start_date=yesterday&utm_source=mail&%E0%A4%A=1&user_ids=',
    );
    expect(state).toEqual({
      query: { severities: ['error'] },
      page: 1,
      columns: undefined,
      eventId: undefined,
    });
  });

  it('renders on the server without touching window', () => {
    function Probe() {
      const [state] = useAuditQueryParams();
      return <span>{state.page}</span>;
    }
    expect(renderToString(<Probe />)).toContain('1');
  });
});

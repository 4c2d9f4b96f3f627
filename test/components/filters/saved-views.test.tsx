// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  SavedViews,
  localStorageSavedViewStorage,
  memorySavedViewStorage,
  type SavedView,
} from '../../../src/components/filters/index.js';
import { axeViolations } from '../axe.js';

describe('SavedViews', () => {
  it('saves, recalls and deletes a named filter and column set', async () => {
    const user = userEvent.setup();
    const storage = memorySavedViewStorage();
    const onRecall = vi.fn<(view: SavedView) => void>();
    const { container } = render(
      <SavedViews
        storage={storage}
        query={{ severities: ['critical'], start_date: new Date('2024-05-01T00:00:00Z') }}
        columns={['time', 'severity']}
        onRecall={onRecall}
      />,
    );
    expect(screen.getByText('No saved views yet.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'Critical in May{Enter}');

    await user.click(screen.getByRole('button', { name: 'Critical in May' }));
    expect(onRecall).toHaveBeenCalledTimes(1);
    const view = onRecall.mock.calls[0]![0];
    expect(view.name).toBe('Critical in May');
    expect(view.query).toEqual({
      severities: ['critical'],
      start_date: '2024-05-01T00:00:00.000Z',
    });
    expect(view.columns).toEqual(['time', 'severity']);
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete view: Critical in May' }));
    expect(screen.queryByRole('button', { name: 'Critical in May' })).toBeNull();
    expect(storage.load()).toEqual([]);
  });

  it('keeps views for the next visit in the same storage', async () => {
    const user = userEvent.setup();
    localStorage.clear();
    const first = render(
      <SavedViews
        storage={localStorageSavedViewStorage('views-test')}
        query={{ user_ids: ['alice'] }}
        onRecall={() => undefined}
      />,
    );
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'Alice');
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    first.unmount();

    const onRecall = vi.fn<(view: SavedView) => void>();
    render(
      <SavedViews
        storage={localStorageSavedViewStorage('views-test')}
        query={{}}
        onRecall={onRecall}
      />,
    );
    const list = screen.getByRole('list');
    await user.click(within(list).getByRole('button', { name: 'Alice' }));
    expect(onRecall.mock.calls[0]![0].query).toEqual({ user_ids: ['alice'] });
  });

  it('falls back to memory when storage is blocked or holds garbage', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    const store = localStorageSavedViewStorage('k', throwing);
    expect(store.load()).toEqual([]);
    const view: SavedView = { id: '1', name: 'A', query: {}, savedAt: '2024-01-01T00:00:00Z' };
    expect(() => store.save([view])).not.toThrow();
    expect(store.load()).toEqual([view]);

    localStorage.setItem('garbage', '{not json');
    expect(localStorageSavedViewStorage('garbage').load()).toEqual([]);
    localStorage.setItem('mixed', JSON.stringify([view, { id: 2 }, 'x']));
    expect(localStorageSavedViewStorage('mixed').load()).toEqual([view]);
  });
});

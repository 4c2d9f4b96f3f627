// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  SavedViews,
  localStorageSavedViewStorage,
  memorySavedViewStorage,
  type SavedView,
  type SavedViewStorage,
} from '../../../src/components/filters/index.js';
import { axeViolations } from '../axe.js';

const VIEW: SavedView = { id: '1', name: 'A', query: {}, savedAt: '2024-01-01T00:00:00Z' };

describe('SavedViews', () => {
  it('saves, recalls, renames and deletes a named filter and column set', async () => {
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
    expect(await screen.findByText('No saved views yet.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'Critical in May{Enter}');

    await user.click(await screen.findByRole('button', { name: 'Critical in May' }));
    expect(onRecall).toHaveBeenCalledTimes(1);
    const view = onRecall.mock.calls[0]![0];
    expect(view.name).toBe('Critical in May');
    expect(view.query).toEqual({
      severities: ['critical'],
      start_date: '2024-05-01T00:00:00.000Z',
    });
    expect(view.columns).toEqual(['time', 'severity']);
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Rename view: Critical in May' }));
    const field = screen.getByRole('textbox', { name: 'View name: Critical in May' });
    await user.clear(field);
    await user.type(field, 'May criticals{Enter}');
    expect(await screen.findByRole('button', { name: 'May criticals' })).toBeTruthy();
    expect((await storage.list()).map(({ id, name }) => ({ id, name }))).toEqual([
      { id: view.id, name: 'May criticals' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Delete view: May criticals' }));
    expect(await screen.findByText('No saved views yet.')).toBeTruthy();
    expect(await storage.list()).toEqual([]);
  });

  it('saves a relative range as written, so the view counts back from whenever it is recalled', async () => {
    const user = userEvent.setup();
    localStorage.clear();
    const onRecall = vi.fn<(view: SavedView) => void>();
    render(
      <SavedViews
        storage={localStorageSavedViewStorage('relative')}
        query={{ last: '24h', actions: ['delete'] }}
        onRecall={onRecall}
      />,
    );
    await user.type(screen.getByRole('textbox', { name: 'View name' }), 'Deletes today{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Deletes today' }));
    expect(onRecall.mock.calls[0]![0].query).toEqual({ last: '24h', actions: ['delete'] });
    expect(JSON.parse(localStorage.getItem('relative')!)[0].query).toEqual({
      last: '24h',
      actions: ['delete'],
    });
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
    await screen.findByRole('button', { name: 'Alice' });
    first.unmount();

    const onRecall = vi.fn<(view: SavedView) => void>();
    render(
      <SavedViews
        storage={localStorageSavedViewStorage('views-test')}
        query={{}}
        onRecall={onRecall}
      />,
    );
    const list = await screen.findByRole('list');
    await user.click(within(list).getByRole('button', { name: 'Alice' }));
    expect(onRecall.mock.calls[0]![0].query).toEqual({ user_ids: ['alice'] });
  });

  it('works over a host’s own asynchronous storage, and loses nothing it refuses', async () => {
    const user = userEvent.setup();
    // A storage such as a host keeps on its server: slow, and refusing some calls.
    const server = new Map<string, SavedView>([[VIEW.id, { ...VIEW, name: 'Errors' }]]);
    const refuse = { list: 1, save: 1, remove: 1 };
    const later = <T,>(call: keyof typeof refuse, answer: () => T) =>
      new Promise<T>((resolve, reject) =>
        setTimeout(() => {
          if (refuse[call] > 0) {
            refuse[call] -= 1;
            reject(new Error('503 Service Unavailable'));
          } else resolve(answer());
        }, 20),
      );
    const storage: SavedViewStorage = {
      list: () => later('list', () => [...server.values()]),
      save: (view) => later('save', () => void server.set(view.id, view)),
      remove: (id) => later('remove', () => void server.delete(id)),
    };
    render(<SavedViews storage={storage} query={{ last: '1h' }} onRecall={() => undefined} />);

    expect(screen.getByRole('status').textContent).toBe('Loading saved views…');
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Could not load the saved views',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Errors' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    // A refused save says so and keeps the name typed, to try again.
    const name = screen.getByRole('textbox', { name: 'View name' });
    await user.type(name, 'Last hour{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not save the view; its name is kept to try again',
    );
    expect((name as HTMLInputElement).value).toBe('Last hour');
    expect(screen.queryByRole('button', { name: 'Last hour' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save view' }));
    expect(await screen.findByRole('button', { name: 'Last hour' })).toBeTruthy();
    expect((name as HTMLInputElement).value).toBe('');
    expect([...server.values()].map((view) => [view.name, view.query])).toEqual([
      ['Errors', {}],
      ['Last hour', { last: '1h' }],
    ]);

    // A refused delete leaves the view listed and on the server.
    await user.click(screen.getByRole('button', { name: 'Delete view: Errors' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not delete the view');
    expect(screen.getByRole('button', { name: 'Errors' })).toBeTruthy();
    expect(server.has(VIEW.id)).toBe(true);
  });

  it('keeps views in memory where storage is blocked, and says so when storage is full', async () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    } as unknown as Storage;
    const store = localStorageSavedViewStorage('k', blocked);
    expect(await store.list()).toEqual([]);
    await store.save(VIEW);
    expect(await store.list()).toEqual([VIEW]);

    localStorage.clear();
    localStorage.setItem('full', JSON.stringify([VIEW]));
    const full = {
      getItem: (key: string) => localStorage.getItem(key),
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const fullStore = localStorageSavedViewStorage('full', full);
    await expect(fullStore.save({ ...VIEW, id: '2' })).rejects.toThrow('quota');
    expect(await fullStore.list()).toEqual([VIEW]);
  });

  it('drops what it cannot read: garbage, and views whose relative range is not a duration', async () => {
    localStorage.setItem('garbage', '{not json');
    expect(await localStorageSavedViewStorage('garbage').list()).toEqual([]);
    const relative = { ...VIEW, id: '3', query: { last: '24h' } };
    localStorage.setItem(
      'mixed',
      JSON.stringify([
        VIEW,
        { id: 2 },
        'x',
        relative,
        { ...VIEW, id: '4', query: { last: 'soon' } },
      ]),
    );
    expect(await localStorageSavedViewStorage('mixed').list()).toEqual([VIEW, relative]);
  });
});

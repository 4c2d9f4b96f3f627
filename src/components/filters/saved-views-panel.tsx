'use client';
import { Button, IconButton } from '../ui/button.js';
import { TextInput } from '../ui/text-input.js';
import { useId, useMemo, useState, type ComponentPropsWithRef, type FormEvent } from 'react';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { mergeLabels } from '../ui/labels.js';
import type { FilterLabelOverrides } from './filter-labels.js';
import type { SavedView, SavedViewQuery, SavedViewStorage } from './saved-views.js';
import { useSavedViews } from './use-saved-views.js';
import { rootProps } from '../ui/root-props.js';

export interface SavedViewsProps extends Omit<ComponentPropsWithRef<'section'>, 'children'> {
  /**
   * The filters a new view saves. Put a relative range in as `last` (`{ ...query, last }`):
   * it is saved as written, so the view shows the last 24 hours of whenever it is recalled.
   */
  query: SavedViewQuery;
  /** The visible columns a new view saves. */
  columns?: readonly string[] | undefined;
  /** Called with a view when its button is pressed; apply its query (with `last`) and columns. */
  onRecall: (view: SavedView) => void;
  /** Where views are kept; this browser's `localStorage` for the signed-in user when left out. */
  storage?: SavedViewStorage;
  labels?: FilterLabelOverrides;
}

const NAME_LENGTH = 100;

/**
 * Name the current filters and columns, recall a saved set with one button, rename or delete
 * another. What the storage refuses is said on screen and nothing typed is lost.
 */
export function SavedViews({
  query,
  columns,
  onRecall,
  storage,
  labels: overrides,
  className,
  ...rest
}: SavedViewsProps) {
  const { labels: ui } = useAuditUi();
  const labels = useMemo(() => mergeLabels(ui.filters, overrides), [ui.filters, overrides]);
  const { views, loading, loadError, reload, save, rename, remove } = useSavedViews(storage);
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  // One change at a time; a refusal is shown and what was typed stays in its field.
  const attempt = async (change: () => Promise<unknown>, failure: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await change();
      return true;
    } catch {
      setProblem(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || busy) return;
    if (await attempt(() => save(trimmed, query, columns), labels.saveViewError)) setName('');
  };

  const submitRename = async (event: FormEvent<HTMLFormElement>, view: SavedView) => {
    event.preventDefault();
    const trimmed = editing?.name.trim() ?? '';
    if (!trimmed || busy) return;
    if (await attempt(() => rename(view, trimmed), labels.renameViewError)) setEditing(null);
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      aria-busy={loading || busy}
      {...rootProps('saved-views', className, views.length > 0 ? 'filled' : 'empty')}
      {...rest}
    >
      <h2 id={`${id}-title`} data-part="saved-views-title">
        {labels.savedViews}
      </h2>
      <form data-part="save-view" onSubmit={(event) => void submit(event)}>
        <label>
          <span>{labels.viewName}</span>
          <TextInput
            required
            maxLength={NAME_LENGTH}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <Button type="submit" aria-disabled={busy || undefined}>
          {labels.saveView}
        </Button>
      </form>
      {problem !== null ? (
        <p role="alert" data-part="saved-views-error">
          {problem}
        </p>
      ) : null}
      {loadError ? (
        <p role="alert" data-part="saved-views-error">
          {labels.loadViewsError}{' '}
          <Button size="sm" onClick={reload}>
            {ui.retry}
          </Button>
        </p>
      ) : loading ? (
        <p role="status" data-part="saved-views-loading">
          {labels.loadingViews}
        </p>
      ) : views.length === 0 ? (
        <p data-part="saved-views-empty">{labels.noSavedViews}</p>
      ) : (
        <ul data-part="saved-view-list">
          {views.map((view) => (
            <li key={view.id} data-part="saved-view">
              {editing?.id === view.id ? (
                <form data-part="rename-view" onSubmit={(event) => void submitRename(event, view)}>
                  <TextInput
                    required
                    autoFocus
                    maxLength={NAME_LENGTH}
                    aria-label={`${labels.viewName}: ${view.name}`}
                    value={editing.name}
                    onChange={(event) =>
                      setEditing({ id: view.id, name: event.currentTarget.value })
                    }
                    onKeyDown={(event) => {
                      if (event.key !== 'Escape') return;
                      // Handled here, so the popover around the list stays open.
                      event.preventDefault();
                      event.stopPropagation();
                      setEditing(null);
                    }}
                  />
                  <Button size="sm" type="submit" variant="primary">
                    {labels.renameView}
                  </Button>
                  <Button size="sm" onClick={() => setEditing(null)}>
                    {ui.cancel}
                  </Button>
                </form>
              ) : (
                <>
                  <Button size="sm" data-part="recall-view" onClick={() => onRecall(view)}>
                    {view.name}
                  </Button>
                  <IconButton
                    size="sm"
                    data-part="rename-view-button"
                    label={`${labels.renameView}: ${view.name}`}
                    onClick={() => setEditing({ id: view.id, name: view.name })}
                    icon="✎"
                  />
                  <IconButton
                    size="sm"
                    data-part="delete-view"
                    label={`${labels.deleteView}: ${view.name}`}
                    onClick={() => void attempt(() => remove(view.id), labels.deleteViewError)}
                    icon="×"
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

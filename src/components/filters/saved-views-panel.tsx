'use client';
import { Button, IconButton } from '../ui/button.js';
import { TextInput } from '../ui/text-input.js';
import { useId, useMemo, useState, type ComponentPropsWithRef, type FormEvent } from 'react';
import type { AuditLogQueryInput } from '../../client/index.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { mergeLabels } from '../ui/labels.js';
import type { FilterLabelOverrides } from './filter-labels.js';
import type { SavedView, SavedViewStorage } from './saved-views.js';
import { useSavedViews } from './use-saved-views.js';
import { rootProps } from '../ui/root-props.js';

export interface SavedViewsProps extends Omit<ComponentPropsWithRef<'section'>, 'children'> {
  /** The filters a new view saves. */
  query: AuditLogQueryInput;
  /** The visible columns a new view saves. */
  columns?: readonly string[] | undefined;
  /** Called with a view when its button is pressed; apply its query and columns. */
  onRecall: (view: SavedView) => void;
  /** Where views are kept; `localStorage` (falling back to memory) when left out. */
  storage?: SavedViewStorage;
  labels?: FilterLabelOverrides;
}

/** Name the current filters and columns, recall a saved set with one button, delete another. */
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
  const { views, save, remove } = useSavedViews(storage);
  const [name, setName] = useState('');
  const id = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    save(trimmed, query, columns);
    setName('');
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      {...rootProps('saved-views', className, views.length > 0 ? 'filled' : 'empty')}
      {...rest}
    >
      <h2 id={`${id}-title`} data-part="saved-views-title">
        {labels.savedViews}
      </h2>
      <form data-part="save-view" onSubmit={submit}>
        <label>
          <span>{labels.viewName}</span>
          <TextInput
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <Button type="submit">{labels.saveView}</Button>
      </form>
      {views.length === 0 ? (
        <p data-part="saved-views-empty">{labels.noSavedViews}</p>
      ) : (
        <ul data-part="saved-view-list">
          {views.map((view) => (
            <li key={view.id} data-part="saved-view">
              <Button size="sm" data-part="recall-view" onClick={() => onRecall(view)}>
                {view.name}
              </Button>
              <IconButton
                size="sm"
                data-part="delete-view"
                label={`${labels.deleteView}: ${view.name}`}
                onClick={() => remove(view.id)}
                icon="×"
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

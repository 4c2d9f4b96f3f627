'use client';
import { useState } from 'react';
import { SavedViews } from '../filters/saved-views-panel.js';
import type { SavedView, SavedViewStorage } from '../filters/saved-views.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import { Popover } from '../ui/popover.js';
import type { AuditLogViewController } from './view-context.js';

/**
 * Puts a saved view in force: its filters and sort, its relative range as written (so "last
 * 24 hours" counts back from now, not from when it was saved) or none, and its columns.
 */
export function recallSavedView(view: AuditLogViewController, saved: SavedView): void {
  // `last` named even when the view has none, so a range in force now does not outlive it.
  view.setQuery({ last: undefined, ...saved.query });
  const ids = saved.columns;
  if (!ids) return;
  const known = view.columns.map((column) => column.id);
  view.setColumnOrder([...ids, ...known.filter((id) => !ids.includes(id))]);
  view.setColumnVisibility(Object.fromEntries(known.map((id) => [id, ids.includes(id)])));
}

export interface SavedViewsMenuProps {
  view: AuditLogViewController;
  storage?: SavedViewStorage | undefined;
}

/** The top bar's "Saved views": save the view on screen under a name, recall, rename, delete. */
export function SavedViewsMenu({ view, storage }: SavedViewsMenuProps) {
  const { labels } = useAuditUi();
  const [open, setOpen] = useState(false);
  const { query, sort, last, exportColumns } = view;
  return (
    <Popover
      trigger={labels.filters.savedViews}
      label={labels.filters.savedViews}
      open={open}
      onOpenChange={setOpen}
      align="end"
      triggerProps={{ 'data-part': 'saved-views-trigger' }}
      panelProps={{ 'data-part': 'saved-views-panel' }}
    >
      <SavedViews
        query={{ ...query, ...sort, ...(last ? { last } : {}) }}
        columns={exportColumns}
        {...(storage ? { storage } : {})}
        onRecall={(saved) => {
          recallSavedView(view, saved);
          setOpen(false);
        }}
      />
    </Popover>
  );
}

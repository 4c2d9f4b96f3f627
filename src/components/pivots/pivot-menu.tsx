'use client';
import { useLayoutEffect, useRef } from 'react';
import type { AuditLogEvent } from '../../client/index.js';
import { facetFilter } from '../../contract/facet-filter.js';
import { filterNames } from '../filters/filter-labels.js';
import { useAuditUi } from '../ui/audit-ui-context.js';
import type { AuditLabelOverrides } from '../ui/labels.js';
import { Menu, type MenuItem } from '../ui/menu.js';
import { pivotValue, resourceOf, type PivotField, type PivotHandlers } from './pivot-model.js';

export interface PivotMenuProps extends PivotHandlers {
  event: AuditLogEvent;
  /** The fields the menu's place shows, in the order their items are listed. */
  fields: readonly PivotField[];
  /** Offer "History of this resource" when the event names a resource id. */
  history?: boolean | undefined;
  /** The trigger's place in the Tab order: a table keeps only its active row's reachable. */
  tabIndex?: number | undefined;
  labels?: AuditLabelOverrides | undefined;
}

/**
 * A field's menu button: filter to its value, exclude it and, for a resource, open its
 * history. A field the event leaves empty offers nothing, and with nothing to offer there is
 * no button. Several fields in one place (a resource's type and id) each name their field.
 */
export function PivotMenu({
  event,
  fields,
  history = false,
  tabIndex,
  onFilterValue,
  onShowResourceHistory,
  labels: overrides,
}: PivotMenuProps) {
  const { labels } = useAuditUi(overrides);
  const placeRef = useRef<HTMLSpanElement>(null);
  // A value excluded from a table row takes the row, and this focused menu, away with it:
  // focus then goes to the grid's active row rather than to the top of the page. Run while
  // the row is still in the document, so it can still be told whether focus was here.
  useLayoutEffect(() => {
    const place = placeRef.current;
    return () => {
      const rows = place?.closest('[role="rowgroup"]');
      if (!rows || !place?.contains(document.activeElement)) return;
      setTimeout(() => {
        const focused = document.activeElement;
        if (focused && focused !== document.body && focused.isConnected) return;
        rows
          .querySelector<HTMLElement>('[data-part="row"][tabindex="0"]')
          ?.focus({ preventScroll: true });
      });
    };
  }, []);
  const names = filterNames(labels.filters, labels);
  const shown = fields.flatMap((field) => {
    const value = pivotValue(event, field);
    if (value === null) return [];
    const key = facetFilter(field);
    return [{ field, value, title: names.title(key), shownValue: names.value(key, value) }];
  });
  const items: MenuItem[] = [];
  if (onFilterValue)
    for (const { field, value, title } of shown) {
      const which = shown.length > 1 ? ` (${title})` : '';
      items.push(
        {
          id: `include:${field}`,
          label: `${labels.filterToValue}${which}`,
          onSelect: () => onFilterValue(field, value, 'include'),
        },
        {
          id: `exclude:${field}`,
          label: `${labels.excludeThisValue}${which}`,
          onSelect: () => onFilterValue(field, value, 'exclude'),
        },
      );
    }
  const resource = history ? resourceOf(event) : null;
  if (resource && onShowResourceHistory)
    items.push({
      id: 'history',
      label: labels.resourceHistory,
      onSelect: () => onShowResourceHistory(resource),
    });
  if (items.length === 0) return null;
  const what = shown.map(({ title, shownValue }) => `${title}: ${shownValue}`).join(', ');
  return (
    <span ref={placeRef} data-part="pivot">
      <Menu
        // Drawn by the stylesheet, so a cell's or a field's text stays its value alone.
        trigger={<span aria-hidden="true" data-part="pivot-icon" />}
        label={labels.valueActions(what)}
        items={items}
        triggerProps={{
          'aria-label': labels.valueActions(what),
          title: labels.valueActions(what),
          variant: 'ghost',
          size: 'sm',
          'data-part': 'pivot-trigger',
          ...(tabIndex === undefined ? {} : { tabIndex }),
        }}
      />
    </span>
  );
}

export default PivotMenu;

'use client';
import { ExpandableText } from '../format/expandable-text.js';
import { LongText } from '../format/long-text.js';
import { DETAIL_TEXT_LIMIT } from '../format/truncate-text.js';
import { ColumnHeads } from '../ui/column-heads.js';
import type { AuditLabels } from '../ui/labels.js';
import type { ChangeRow } from './change-diff.js';

const show = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** A change field by field, before beside after: in an event's detail and in a resource's history. */
export function ChangeTable({
  changes,
  labels,
}: {
  changes: readonly ChangeRow[];
  labels: AuditLabels;
}) {
  return (
    <table data-part="changes">
      <caption>{labels.changes}</caption>
      <ColumnHeads names={[labels.changedField, labels.before, labels.after]} />
      <tbody>
        {changes.map((row) => (
          <tr key={row.field}>
            <th scope="row">
              <LongText text={row.field} limit={DETAIL_TEXT_LIMIT} />
            </th>
            {(['before', 'after'] as const).map((side) => (
              <td key={side} data-change={side === 'before' ? 'removed' : 'added'}>
                <ExpandableText text={show(row[side])} limit={DETAIL_TEXT_LIMIT} labels={labels} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

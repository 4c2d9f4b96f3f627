import { FILTER_FIELDS, type ListFilter } from '../../contract/field-table.js';
import type { AuditNameKind } from './name-resolver.js';

/** The event fields whose values a host's resolver names. */
const NAME_KINDS: Readonly<Record<string, AuditNameKind>> = {
  user_id: 'actor',
  resource_id: 'resource',
};

/** Whose name a field's values are (facets key by field), if any. */
export const nameKindOf = (field: string): AuditNameKind | undefined =>
  Object.hasOwn(NAME_KINDS, field) ? NAME_KINDS[field] : undefined;

/** Likewise for a list filter (chips key by filter), through the field table. */
export const nameKindOfFilter = (key: ListFilter): AuditNameKind | undefined =>
  nameKindOf(FILTER_FIELDS[key].field);

import * as z from 'zod/mini';
import {
  API_KEY_PERMISSIONS,
  EVENT_TYPES,
  ExportFormat,
  SEVERITIES,
  SORT_FIELDS,
  SortOrder,
  SummaryInterval,
  USER_ROLES,
  valuesOf,
} from '../enum-values.js';

// The value maps and their unions live in `enum-values.ts`, which code that only names
// values imports without zod; these are the schemas that check them.
export {
  API_KEY_PERMISSIONS,
  ApiKeyPermission,
  EVENT_TYPES,
  EventType,
  ExportFormat,
  SEVERITIES,
  Severity,
  SORT_FIELDS,
  SortField,
  SortOrder,
  SummaryInterval,
  USER_ROLES,
  UserRole,
} from '../enum-values.js';

export const EventTypeSchema = z.enum(EVENT_TYPES);
export const SeveritySchema = z.enum(SEVERITIES);
export const UserRoleSchema = z.enum(USER_ROLES);
export const ApiKeyPermissionSchema = z.enum(API_KEY_PERMISSIONS);
export const SortFieldSchema = z.enum(SORT_FIELDS);
export const SortOrderSchema = z.enum(valuesOf(SortOrder));
export const ExportFormatSchema = z.enum(valuesOf(ExportFormat));
export const SummaryIntervalSchema = z.enum(valuesOf(SummaryInterval));

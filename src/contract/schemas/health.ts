import * as z from 'zod/mini';
import { TimestampSchema } from './timestamp.js';

export const HealthSchema = z.object({
  status: z.string(),
  service: z.string(),
  timestamp: TimestampSchema,
  version: z.string(),
});
export type Health = z.output<typeof HealthSchema>;

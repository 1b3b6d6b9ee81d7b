/**
 * Embargo and expiry rules for one locale version of an article (pure).
 * `scheduledPublishAt` = when the draft goes live, `scheduledUnpublishAt` = when
 * the live version is taken down. A past time is allowed: it is due on the next tick.
 */
import type { FieldError } from './input-rules';

export const SCHEDULE_FIELDS = ['scheduledPublishAt', 'scheduledUnpublishAt'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];
export type Schedule = Partial<Record<ScheduleField, unknown>>;

/** A Date for a stored or submitted value; null when unset; undefined when it is not a date. */
export function toDate(value: unknown): Date | null | undefined {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/**
 * Problems with the schedule that results from `submitted` laid over `stored`
 * (a field absent from `submitted` keeps its stored value).
 */
export function checkSchedule(submitted: Schedule, stored: Schedule = {}): FieldError[] {
  const errors: FieldError[] = [];
  const effective: Partial<Record<ScheduleField, Date | null>> = {};
  for (const field of SCHEDULE_FIELDS) {
    const given = field in submitted;
    const date = toDate(given ? submitted[field] : stored[field]);
    if (date === undefined) {
      if (given) errors.push({ path: [field], message: 'must be an ISO 8601 date-time' });
      continue;
    }
    effective[field] = date;
  }
  const { scheduledPublishAt: from, scheduledUnpublishAt: until } = effective;
  if (from && until && until.getTime() <= from.getTime()) {
    errors.push({
      path: ['scheduledUnpublishAt'],
      message: `must be later than scheduledPublishAt (${from.toISOString()})`,
    });
  }
  return errors;
}

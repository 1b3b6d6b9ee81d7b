import { checkSchedule, toDate } from '../../src/lib/schedule-rules';

describe('checkSchedule', () => {
  it('accepts an embargo alone, an expiry alone, or an expiry after the embargo', () => {
    expect(checkSchedule({ scheduledPublishAt: '2030-01-01T08:00:00Z' })).toEqual([]);
    expect(checkSchedule({ scheduledUnpublishAt: '2030-01-01T08:00:00Z' })).toEqual([]);
    expect(checkSchedule({ scheduledPublishAt: '2030-01-01T08:00:00Z', scheduledUnpublishAt: '2030-01-01T08:01:00Z' })).toEqual([]);
  });

  it('accepts a time in the past (published on the next tick)', () => {
    expect(checkSchedule({ scheduledPublishAt: '2001-01-01T00:00:00Z' })).toEqual([]);
  });

  it('refuses an expiry at or before the embargo, naming scheduledUnpublishAt', () => {
    for (const until of ['2030-01-01T07:00:00Z', '2030-01-01T08:00:00Z']) {
      const errors = checkSchedule({ scheduledPublishAt: '2030-01-01T08:00:00Z', scheduledUnpublishAt: until });
      expect(errors.map((e) => e.path)).toEqual([['scheduledUnpublishAt']]);
    }
  });

  it('judges a submitted field against the stored other one, and lets a cleared one go', () => {
    const stored = { scheduledPublishAt: new Date('2030-01-01T08:00:00Z'), scheduledUnpublishAt: null };
    expect(checkSchedule({ scheduledUnpublishAt: '2029-12-31T08:00:00Z' }, stored)).toHaveLength(1);
    expect(checkSchedule({ scheduledPublishAt: null, scheduledUnpublishAt: '2029-12-31T08:00:00Z' }, stored)).toEqual([]);
    expect(checkSchedule({ scheduledPublishAt: '2031-01-01T00:00:00Z' }, { scheduledUnpublishAt: '2030-06-01T00:00:00Z' }))
      .toEqual([expect.objectContaining({ path: ['scheduledUnpublishAt'] })]);
  });

  it('refuses values that are not dates, naming the field', () => {
    expect(checkSchedule({ scheduledPublishAt: 'tomorrow' }).map((e) => e.path)).toEqual([['scheduledPublishAt']]);
    expect(checkSchedule({ scheduledUnpublishAt: { at: 1 } }).map((e) => e.path)).toEqual([['scheduledUnpublishAt']]);
  });
});

describe('toDate', () => {
  it('maps empty to null and garbage to undefined', () => {
    expect(toDate('')).toBeNull();
    expect(toDate(null)).toBeNull();
    expect(toDate('x')).toBeUndefined();
    expect(toDate('2030-01-01T00:00:00Z')?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
});

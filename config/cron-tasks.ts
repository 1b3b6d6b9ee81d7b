import type { Core } from '@strapi/strapi';
import { readModelService, scheduleService, wireService } from '../src/api/services';

/** Once a minute: publish/unpublish the articles whose embargo/expiry is due (src/api/article/services/schedule.ts). */
export default {
  articleSchedules: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await scheduleService(strapi).runDue();
    },
    options: { rule: '* * * * *' },
  },
  /** Safety net: writes re-render stale read-model rows at once; this catches a run that failed. */
  readModelRefresh: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await readModelService(strapi).refreshStale();
    },
    options: { rule: '30 * * * * *' },
  },
  /** Every 10 s: the wire sources (WIRE_SOURCES) whose own interval has passed are read (src/api/import/services/wire.ts). */
  wireIngest: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await wireService(strapi).runDue();
    },
    options: { rule: '*/10 * * * * *' },
  },
};

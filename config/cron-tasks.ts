import type { Core } from '@strapi/strapi';
import { readModelService, scheduleService } from '../src/api/services';

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
};

import type { Core } from '@strapi/strapi';
import { scheduleService } from '../src/api/services';

/** Once a minute: publish/unpublish the articles whose embargo/expiry is due (src/api/article/services/schedule.ts). */
export default {
  articleSchedules: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await scheduleService(strapi).runDue();
    },
    options: { rule: '* * * * *' },
  },
};

import type { Core } from '@strapi/strapi';
import { runDueSchedules } from '../src/services/scheduler';

/** Once a minute: publish/unpublish the articles whose embargo/expiry is due (see src/services/scheduler.ts). */
export default {
  articleSchedules: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await runDueSchedules(strapi);
    },
    options: { rule: '* * * * *' },
  },
};

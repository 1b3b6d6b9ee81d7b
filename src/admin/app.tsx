import type { StrapiApp } from '@strapi/strapi/admin';
import { watchContentDirection } from './content-direction';
import { watchEditingDirection } from './editing-direction';
import { dismissIntroductions } from './introductions';
import { withTakedownDialog } from './takedown-action';

export default {
  config: {
    // Interface languages offered besides English (Profile → Interface language).
    locales: ['ar'],
  },
  bootstrap(app: StrapiApp) {
    // Before the first render: Strapi reads these settings when it mounts.
    dismissIntroductions();
    watchEditingDirection();
    watchContentDirection();
    // Unpublishing an article asks kill or withhold, with a reason for partners.
    (app.getPlugin('content-manager').apis as { addDocumentAction: (reducer: (actions: any[]) => any[]) => void }).addDocumentAction(withTakedownDialog);
  },
};

import type { StrapiApp } from '@strapi/strapi/admin';
import { watchContentDirection } from './content-direction';
import { watchEditingDirection } from './editing-direction';
import { dismissIntroductions } from './introductions';
import { deskPanel } from './desk-panel';
import { withTakedownDialog } from './takedown-action';
import { PartnerDeliveriesIcon } from './partner-deliveries';

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
    // The desk on the article edit view: lock, review, revisions (src/admin/desk-panel.tsx).
    const contentManager = app.getPlugin('content-manager') as unknown as { apis: { addEditViewSidePanel: (panels: unknown[]) => void } };
    contentManager.apis.addEditViewSidePanel([deskPanel]);
    // Unpublishing an article asks kill or withhold, with a reason for partners.
    (app.getPlugin('content-manager').apis as { addDocumentAction: (reducer: (actions: any[]) => any[]) => void }).addDocumentAction(withTakedownDialog);
  },
  register(app: StrapiApp) {
    // Partner webhooks: recent deliveries and "resend" (src/admin/partner-deliveries.tsx), for who may read endpoints.
    app.addMenuLink({
      to: 'partner-deliveries',
      icon: PartnerDeliveriesIcon,
      intlLabel: { id: 'newsroom.partner-deliveries', defaultMessage: 'تسليمات الشركاء · Partner deliveries' },
      permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::partner-endpoint.partner-endpoint' }] as never,
      Component: () => import('./partner-deliveries'),
    });
  },
};

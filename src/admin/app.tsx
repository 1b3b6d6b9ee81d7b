import type { StrapiApp } from '@strapi/strapi/admin';
import { watchContentDirection } from './content-direction';
import { watchEditingDirection } from './editing-direction';
import { dismissIntroductions } from './introductions';
import { deskPanel } from './desk-panel';
import { withLockAwareActions } from './desk-lock';
import { addReviewColumn } from './desk-list-column';
import { reviewQueueLink } from './desk-menu';
import { relatedSuggestionsPanel } from './related-suggestions';
import { livePanel } from './live-panel';
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
    contentManager.apis.addEditViewSidePanel([deskPanel, livePanel]); // + live coverage posting (src/admin/live-panel.tsx)
    // Suggested related stories under the relatedLinks field (src/admin/related-suggestions.tsx).
    contentManager.apis.addEditViewSidePanel([relatedSuggestionsPanel]);
    // Unpublishing an article asks kill or withhold, with a reason for partners.
    (app.getPlugin('content-manager').apis as { addDocumentAction: (reducer: (actions: any[]) => any[]) => void }).addDocumentAction(withTakedownDialog);
    // While someone else holds the lock, Save/Publish/Unpublish/Discard are disabled (src/admin/desk-lock.tsx).
    (app.getPlugin('content-manager').apis as { addDocumentAction: (reducer: (actions: any[]) => any[]) => void }).addDocumentAction(withLockAwareActions);
    // The article list shows each version's review state (src/admin/desk-list-column.tsx).
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addReviewColumn);
  },
  register(app: StrapiApp) {
    // The editors' review queue (src/admin/desk-queue.tsx).
    app.addMenuLink(reviewQueueLink as Parameters<StrapiApp['addMenuLink']>[0]);
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

/**
 * The review queue's menu link (the page is desk-queue.tsx, loaded when
 * opened): shown to those who may publish articles, as the route itself
 * answers 403 to everyone else.
 */
function QueueIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
      <path d="M4 13h4l2 3h4l2-3h4" />
      <path d="M4 13l2-8h12l2 8v6H4z" />
    </svg>
  );
}

export const REVIEW_QUEUE_PATH = 'desk/review-queue';

export const reviewQueueLink = {
  to: REVIEW_QUEUE_PATH,
  icon: QueueIcon,
  intlLabel: { id: 'desk.review-queue', defaultMessage: 'المراجعة · Review queue' },
  permissions: [{ action: 'plugin::content-manager.explorer.publish', subject: 'api::article.article' }],
  Component: () => import('./desk-queue'),
};

/// <reference lib="dom" />

/**
 * Runs `apply` at most once per animation frame with the nodes whose children
 * (or, with `text: true`, whose text) changed since the last run, starting with
 * `document.body`. Strapi's React tree re-renders often (a list page is
 * hundreds of mutations), so the work is coalesced; our own attribute writes
 * are not observed and cannot loop. Returns a function that queues a run by
 * hand (e.g. on `popstate`).
 */
export function watchDom(apply: (changed: Set<Node>) => void, { text = false } = {}): (nodes?: Iterable<Node>) => void {
  let pending = new Set<Node>();
  let queued = false;
  const schedule = (nodes: Iterable<Node> = [document.body]) => {
    for (const node of nodes) pending.add(node);
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const changed = pending;
      pending = new Set();
      apply(changed);
    });
  };
  new MutationObserver((records) => schedule(records.map((r) => r.target))).observe(document.body, {
    childList: true,
    subtree: true,
    characterData: text,
  });
  schedule();
  return schedule;
}

/**
 * WebSub publisher side: which feed URLs an article change affects, and the
 * hub ping (`hub.mode=publish`, one `hub.url` per topic). Pure apart from fetch.
 */
export interface ArticleTopicSource {
  locale: string;
  section?: string | null;
  authors?: string[];
  tags?: string[];
}

/** Every feed URL whose content can change with this article: the locale feed and its section/author/tag feeds, in each format. */
export function affectedTopics<Format extends string>(
  sources: ArticleTopicSource[],
  formats: readonly Format[],
  feedUrl: (format: Format, locale: string, filters: { section?: string; author?: string; tag?: string }) => string,
): string[] {
  const topics = new Set<string>();
  for (const s of sources) {
    const filterSets = [
      {},
      ...(s.section ? [{ section: s.section }] : []),
      ...(s.authors ?? []).map((author) => ({ author })),
      ...(s.tags ?? []).map((tag) => ({ tag })),
    ];
    for (const format of formats) for (const filters of filterSets) topics.add(feedUrl(format, s.locale, filters));
  }
  return [...topics];
}

export interface PingResult {
  topic: string;
  ok: boolean;
  status?: number;
  error?: string;
}

/** Pings the hub for each topic in parallel; never throws, each request aborted after `timeoutMs`. */
export async function pingHub(hubUrl: string, topics: string[], timeoutMs: number): Promise<PingResult[]> {
  return Promise.all(
    topics.map(async (topic): Promise<PingResult> => {
      try {
        const res = await fetch(hubUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        return { topic, ok: res.ok, status: res.status };
      } catch (err: any) {
        return { topic, ok: false, error: err?.name === 'TimeoutError' ? `timed out after ${timeoutMs} ms` : String(err?.message ?? err) };
      }
    }),
  );
}

/**
 * The editorial preview page (pure): an article version laid out as a reader
 * would see it — direction and language of its locale, headline, dateline and
 * date, bylines, cover with caption and credit, body, corrections, related
 * links. Every text is escaped; the body arrives already rendered by the
 * shared blocks renderer (the same HTML the feeds carry).
 */
import { escapeHtml, safeUrl } from './blocks-html';
import { articleUrl } from './article-url';
import { isRtlLocale } from './text-direction';

export interface PreviewArticle {
  title?: string | null;
  excerpt?: string | null;
  dateline?: string | null;
  source?: string | null;
  firstPublishedAt?: string | Date | null;
  updatedAt?: string | Date | null;
  section?: { name?: string | null } | null;
  authors?: Array<{ name?: string | null; jobTitle?: string | null }> | null;
  cover?: {
    caption?: string | null;
    credit?: string | null;
    alt?: string | null;
    image?: { url?: string | null; alternativeText?: string | null } | null;
  } | null;
  corrections?: Array<{ date?: string | null; note?: string | null }> | null;
  relatedLinks?: Array<{
    label?: string | null;
    url?: string | null;
    article?: { slug?: string | null; locale?: string | null; section?: { slug?: string | null } | null } | null;
  }> | null;
}

export interface PreviewPageInput {
  article: PreviewArticle;
  locale: string;
  status: 'draft' | 'published';
  bodyHtml: string;
  siteName?: string | null;
  baseUrl?: string | null;
  timeZone?: string;
}

const LABELS = {
  ar: { draft: 'معاينة — مسودة غير منشورة', published: 'معاينة — النسخة المنشورة', by: 'بقلم', credit: 'تصوير', corrections: 'تصحيحات', related: 'أخبار ذات صلة', source: 'المصدر', unpublished: 'لم يُنشر بعد', preview: 'معاينة' },
  en: { draft: 'Preview — unpublished draft', published: 'Preview — published version', by: 'By', credit: 'Photo', corrections: 'Corrections', related: 'Related', source: 'Source', unpublished: 'Not yet published', preview: 'Preview' },
};

const e = (value: unknown): string => escapeHtml(typeof value === 'string' ? value : '');

function formatDate(iso: string | Date | null | undefined, locale: string, timeZone: string): { iso: string; text: string } | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const text = new Intl.DateTimeFormat(locale === 'ar' ? 'ar-AE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
  return { iso: d.toISOString(), text };
}

const time = (d: { iso: string; text: string } | null) => (d ? `<time datetime="${e(d.iso)}">${e(d.text)}</time>` : '');

function cover(c: PreviewArticle['cover'], labels: typeof LABELS.ar, baseUrl?: string | null): string {
  const src = safeUrl(c?.image?.url, ['http:', 'https:'], baseUrl ?? undefined);
  if (!c || !src) return '';
  const alt = c.alt || c.image?.alternativeText || '';
  const caption = [c.caption ? e(c.caption) : '', c.credit ? `<span class="credit">${e(labels.credit)}: ${e(c.credit)}</span>` : '']
    .filter(Boolean)
    .join(' ');
  return `<figure class="cover"><img src="${e(src)}" alt="${e(alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

function related(links: PreviewArticle['relatedLinks'], locale: string, labels: typeof LABELS.ar, baseUrl?: string | null): string {
  const items = (links ?? [])
    .map((link) => {
      const target = link.article?.slug
        ? articleUrl({ baseUrl: baseUrl ?? '', locale: link.article.locale ?? locale, sectionSlug: link.article.section?.slug, slug: link.article.slug })
        : safeUrl(link.url, ['http:', 'https:']);
      return target && link.label ? `<li><a href="${e(target)}">${e(link.label)}</a></li>` : '';
    })
    .filter(Boolean);
  return items.length ? `<aside class="related"><h2>${e(labels.related)}</h2><ul>${items.join('')}</ul></aside>` : '';
}

function corrections(list: PreviewArticle['corrections'], locale: string, labels: typeof LABELS.ar, timeZone: string): string {
  const items = (list ?? [])
    .filter((c) => c.note)
    .map((c) => `<li>${time(formatDate(c.date, locale, timeZone))} ${e(c.note)}</li>`);
  return items.length ? `<section class="corrections"><h2>${e(labels.corrections)}</h2><ul>${items.join('')}</ul></section>` : '';
}

const STYLE = `body{margin:0;font:18px/1.7 "Noto Naskh Arabic","Noto Sans Arabic",Tahoma,sans-serif;color:#1b1b1b;background:#fafafa}
.banner{background:#7a1f1f;color:#fff;padding:.4rem 1rem;font-size:.9rem}
article{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem;background:#fff}
.kicker{color:#7a1f1f;font-weight:bold;margin:0}
h1{font-size:2rem;line-height:1.3;margin:.3rem 0 .6rem}
.excerpt{font-size:1.15rem;color:#444}.meta{color:#666;font-size:.9rem}
.cover{margin:1rem 0}.cover img{max-width:100%;height:auto}.cover figcaption{font-size:.85rem;color:#555}
.credit{color:#888}.corrections{border-top:2px solid #7a1f1f;margin-top:2rem}
.related{border-top:1px solid #ddd;margin-top:2rem}`;

export function renderPreviewPage(input: PreviewPageInput): string {
  const { article: a, locale, status, bodyHtml } = input;
  const timeZone = input.timeZone ?? 'Asia/Dubai';
  const labels = locale === 'ar' ? LABELS.ar : LABELS.en;
  const dir = isRtlLocale(locale) ? 'rtl' : 'ltr';
  const date = formatDate(a.firstPublishedAt, locale, timeZone);
  const authors = (a.authors ?? []).map((x) => x.name).filter(Boolean).map(e);
  const meta = [
    a.dateline ? `<span class="dateline">${e(a.dateline)}</span>` : '',
    date ? time(date) : `<span>${e(labels.unpublished)}</span>`,
    authors.length ? `<span class="byline">${e(labels.by)} ${authors.join('، ')}</span>` : '',
    a.source ? `<span class="source">${e(labels.source)}: ${e(a.source)}</span>` : '',
  ].filter(Boolean).join(' · ');
  const title = `${labels.preview}: ${a.title ?? ''}${input.siteName ? ` — ${input.siteName}` : ''}`;

  return `<!doctype html>
<html lang="${e(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner" role="status">${e(labels[status])}</div>
<article>
${a.section?.name ? `<p class="kicker">${e(a.section.name)}</p>` : ''}
<h1>${e(a.title)}</h1>
${a.excerpt ? `<p class="excerpt">${e(a.excerpt)}</p>` : ''}
<p class="meta">${meta}</p>
${cover(a.cover, labels, input.baseUrl)}
<div class="body">${bodyHtml}</div>
${corrections(a.corrections, locale, labels, timeZone)}
${related(a.relatedLinks, locale, labels, input.baseUrl)}
</article>
</body>
</html>
`;
}

/** Nothing on the page runs code; images from our own uploads or https; framed only by the admin. */
export const PREVIEW_CSP =
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

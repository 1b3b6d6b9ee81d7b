import fs from 'node:fs';
import path from 'node:path';
import { htmlToBlocks, expandShortcodes } from '../../src/lib/wordpress/html-blocks';
import {
  articleStatus, decodeSlug, emptyIndex, indexEvent, mapPost, newsroomSlug, parseImportArgs, postAuthors, postDate,
  redirectFor, redirectsCsv, sectionsInOrder, seoFromMeta, UsageError, type MappedPost, type WxrIndex,
} from '../../src/lib/wordpress/map';
import { readWxr, WxrFormatError, type WxrEvent, type WxrItem } from '../../src/lib/wordpress/wxr-reader';
import type { BlockNode } from '../../src/lib/blocks-types';
import { generateWxr } from '../helpers/wxr-generator';

const FIXTURE = path.join(__dirname, '../fixtures/wordpress/export.xml');
const xml = fs.readFileSync(FIXTURE, 'utf8');

async function events(chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<WxrEvent[]> {
  const out: WxrEvent[] = [];
  for await (const e of readWxr(chunks)) out.push(e);
  return out;
}
const items = (list: WxrEvent[]) => list.flatMap((e) => (e.type === 'item' ? [e.item] : []));
async function fixtureIndex(): Promise<{ index: WxrIndex; all: WxrItem[] }> {
  const list = await events([xml]);
  const index = emptyIndex();
  for (const e of list) indexEvent(index, e);
  return { index, all: items(list) };
}
const OPTIONS = { locales: ['ar', 'en'], defaultLocale: 'ar' };
async function mapped(id: string): Promise<MappedPost> {
  const { index, all } = await fixtureIndex();
  const r = mapPost(all.find((i) => i.postId === id)!, index, OPTIONS);
  if (r.kind !== 'post') throw new Error(`post ${id}: ${JSON.stringify(r)}`);
  return r.post;
}
const texts = (blocks: BlockNode[]): string =>
  JSON.stringify(blocks)
    .match(/"text":"[^"]*"/g)!
    .map((t) => t.slice(8, -1))
    .join('|');

describe('readWxr (streaming WXR reader)', () => {
  it('reads the site, users, terms and every item of the test export, CDATA and entities included', async () => {
    const list = await events([xml]);
    const site = list.find((e) => e.type === 'site');
    expect(site).toMatchObject({ site: { title: 'خليجي 247', language: 'ar', baseSiteUrl: 'https://old.khaleeji247.example', wxrVersion: '1.2' } });
    expect(list.filter((e) => e.type === 'author').map((e) => (e.type === 'author' ? e.author.displayName : ''))).toEqual(['خالد العتيبي', 'سارة الكعبي']);
    const terms = list.flatMap((e) => (e.type === 'term' ? [`${e.term.taxonomy}:${decodeSlug(e.term.slug)}`] : []));
    expect(terms).toEqual(expect.arrayContaining(['category:دولي', 'category:سياسة', 'post_tag:الناتو', 'author:cap-brussels-correspondent']));
    const all = items(list);
    expect(all.map((i) => `${i.postId}:${i.postType}`)).toEqual([
      '101:post', '102:attachment', '110:post', '120:post', '130:post', '140:post', '141:post', '142:post', '150:page', '160:nav_menu_item', '170:post', '103:attachment',
    ]);
    const nato = all[0];
    expect(nato.title).toBe('وزراء خارجية «الناتو» يجتمعون في بروكسل');
    expect(nato.content).toContain('شاركها.');
    expect(nato.meta._thumbnail_id).toBe('102');
    expect(nato.categories.filter((c) => c.domain === 'author').map((c) => c.nicename)).toEqual(['cap-khalid', 'cap-brussels-correspondent']);
    expect(nato.line).toBeGreaterThan(1);
  });

  it('skips comment subtrees: a comment’s own meta is not the post’s', async () => {
    const nato = items(await events([xml]))[0];
    expect(nato.meta._thumbnail_id).toBe('102'); // the comment carries _thumbnail_id 999
    expect(JSON.stringify(nato)).not.toContain('تعليق لا يُستورد');
  });

  it('gives the same result whatever the chunking, even when chunks split Arabic characters', async () => {
    const bytes = Buffer.from(xml, 'utf8');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    expect(await events(chunks)).toEqual(await events([xml]));
  });

  it('refuses what is not a readable export', async () => {
    await expect(events(['<rss><channel><item><title>x</title></channel></rss>'])).rejects.toThrow(WxrFormatError);
    await expect(events(['<html><body>not an export</body></html>'])).rejects.toThrow(/root element is <html>/);
    await expect(events(['just text'])).rejects.toThrow(WxrFormatError);
    await expect(events([xml.slice(0, xml.length / 2)])).rejects.toThrow(WxrFormatError);
  });

  it('streams a large export with bounded memory', async () => {
    const posts = 20_000;
    let bytes = 0;
    async function* counted() {
      for (const chunk of generateWxr(posts, { padding: 2000 })) {
        bytes += Buffer.byteLength(chunk);
        yield chunk;
      }
    }
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let seen = 0;
    for await (const e of readWxr(counted())) {
      if (e.type !== 'item') continue;
      seen++;
      if (seen % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(seen).toBe(posts);
    expect(bytes).toBeGreaterThan(80 * 1024 * 1024);
    // The file is > 80 MB; the reader holds one item at a time (plus garbage not yet collected).
    expect(peak - before).toBeLessThan(bytes / 2);
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
  }, 60_000);
});

describe('htmlToBlocks', () => {
  it('classic editor: blank lines are paragraphs, a single newline a line break, the old site’s chrome removed', () => {
    const { blocks } = htmlToBlocks('أول فقرة\nسطر ثانٍ\n\nفقرة ثانية\n\nأخبار ذات صلة\n\n&nbsp;\n\nشاركها.\n© 2025 خليجي 247. جميع الحقوق محفوظة.\nExit mobile version');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'أول فقرة\nسطر ثانٍ' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'فقرة ثانية' }] },
    ]);
  });

  it('Gutenberg: headings, nested lists, quotes with their source, marks and links', () => {
    const html = `<!-- wp:heading {"level":2} --><h2>عنوان <em>فرعي</em></h2><!-- /wp:heading -->
<!-- wp:list {"ordered":true} --><ol><li>أول</li><li>ثانٍ<ol><li>فرعي</li></ol></li></ol><!-- /wp:list -->
<!-- wp:quote --><blockquote><p>قول مأثور</p><cite>قائله</cite></blockquote><!-- /wp:quote -->
<p>نص <strong>غامق</strong> و<a href="/about/">رابط داخلي</a> و<a href="javascript:alert(1)">رابط خبيث</a>.</p>`;
    const { blocks } = htmlToBlocks(html, { baseUrl: 'https://old.example' });
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, children: [{ type: 'text', text: 'عنوان ' }, { type: 'text', text: 'فرعي', italic: true }] });
    expect(blocks[1]).toEqual({
      type: 'list', format: 'ordered',
      children: [
        { type: 'list-item', children: [{ type: 'text', text: 'أول' }] },
        { type: 'list-item', children: [{ type: 'text', text: 'ثانٍ' }] },
        { type: 'list', format: 'ordered', indentLevel: 1, children: [{ type: 'list-item', children: [{ type: 'text', text: 'فرعي' }] }] },
      ],
    });
    expect(blocks[2]).toEqual({ type: 'quote', children: [{ type: 'text', text: 'قول مأثور\n— قائله' }] });
    expect(blocks[3]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'نص ' },
        { type: 'text', text: 'غامق', bold: true },
        { type: 'text', text: ' و' },
        { type: 'link', url: 'https://old.example/about/', children: [{ type: 'text', text: 'رابط داخلي' }] },
        { type: 'text', text: ' ورابط خبيث.' },
      ],
    });
  });

  it('images: [caption] and Gutenberg figures keep alt, caption and attachment id; embeds become links', () => {
    const html = `[caption id="attachment_7" width="300"]<img class="wp-image-7" src="https://old.example/a.jpg" alt="بديل"> تعليق الصورة[/caption]
<!-- wp:image {"id":9} --><figure><img src="https://old.example/b.jpg" alt=""/><figcaption>صورة <b>ثانية</b></figcaption></figure><!-- /wp:image -->
<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abc"} --><figure><div>https://www.youtube.com/watch?v=abc</div></figure><!-- /wp:embed -->
<iframe src="https://player.vimeo.com/video/1"></iframe>
[embed]https://x.com/kuna/status/1[/embed]`;
    const r = htmlToBlocks(html);
    expect(r.images).toEqual([
      { src: 'https://old.example/a.jpg', attachmentId: '7', alt: 'بديل', caption: 'تعليق الصورة' },
      { src: 'https://old.example/b.jpg', attachmentId: '9', alt: '', caption: 'صورة ثانية' },
    ]);
    expect(r.blocks.map((b) => b.type)).toEqual(['image', 'image', 'paragraph', 'paragraph', 'paragraph']);
    expect(r.embeds).toEqual(['https://www.youtube.com/watch?v=abc', 'https://player.vimeo.com/video/1', 'https://x.com/kuna/status/1']);
    expect(r.blocks[2]).toEqual({ type: 'paragraph', children: [{ type: 'link', url: 'https://www.youtube.com/watch?v=abc', children: [{ type: 'text', text: 'https://www.youtube.com/watch?v=abc' }] }] });
  });

  it('drops scripts, styles and unknown shortcodes, keeps bracketed text that is not a shortcode', () => {
    const dropped: string[] = [];
    expect(expandShortcodes('[contact-form-7 id="3"] نص [1] و[المصدر] [/su_box]', {}, dropped)).toBe(' نص [1] و[المصدر] ');
    expect(dropped).toEqual(['contact-form-7', 'su_box']);
    const { blocks } = htmlToBlocks('<p>قبل</p><script>alert(1)</script><style>p{}</style><p>بعد</p>');
    expect(texts(blocks)).toBe('قبل|بعد');
  });

  it('galleries become the attachments’ images; tables become one paragraph per row', () => {
    const r = htmlToBlocks('[gallery ids="5,6,404"]<table><tr><th>الخام</th><th>السعر</th></tr><tr><td>برنت</td><td>84</td></tr></table>', {
      galleryImages: (ids) => ids.filter((i) => i !== '404').map((id) => ({ id, src: `https://old.example/${id}.jpg`, alt: `صورة ${id}`, caption: '' })),
    });
    expect(r.images.map((i) => i.attachmentId)).toEqual(['5', '6']);
    expect(texts(r.blocks.filter((b) => b.type === 'paragraph'))).toBe('الخام | السعر|برنت | 84');
  });
});

describe('mapping helpers', () => {
  it('decodes percent-encoded Arabic slugs and keeps them', () => {
    expect(decodeSlug('%d8%b3%d9%8a%d8%a7%d8%b3%d8%a9')).toBe('سياسة');
    expect(newsroomSlug('%d8%a3%d8%b3%d8%b9%d8%a7%d8%b1-%d8%a7%d9%84%d9%86%d9%81%d8%b7')).toBe('أسعار-النفط');
    expect(newsroomSlug('Oil_Prices%20Rise')).toBe('oil-prices-rise');
    expect(newsroomSlug('%E0%A4%A')).toBe('e0-a4-a'); // a broken escape is cleaned, not thrown
    expect(newsroomSlug('%d9%a2%d9%a0%d9%a2%d9%a5')).toBe('2025'); // Arabic-Indic digits
  });

  it('reads dates from post_date_gmt, else pubDate, else post_date', () => {
    expect(postDate({ postDateGmt: '2025-06-04 09:30:00', postDate: '2025-06-04 12:30:00', pubDate: '' })).toBe('2025-06-04T09:30:00.000Z');
    expect(postDate({ postDateGmt: '0000-00-00 00:00:00', postDate: '2025-06-04 12:30:00', pubDate: 'Wed, 04 Jun 2025 09:30:00 +0000' })).toBe('2025-06-04T09:30:00.000Z');
    expect(postDate({ postDateGmt: '0000-00-00 00:00:00', postDate: '2025-06-04 12:30:00', pubDate: 'Mon, 30 Nov -0001 00:00:00 +0000' })).toBe('2025-06-04T12:30:00.000Z');
    expect(postDate({ postDateGmt: 'x', postDate: '0000-00-00 00:00:00', pubDate: '' })).toBeNull();
  });

  it('maps statuses', () => {
    expect(['publish', 'future', 'draft', 'pending', 'private', 'trash', 'auto-draft', 'inherit'].map(articleStatus)).toEqual([
      'published', 'scheduled', 'draft', 'draft', 'draft', null, null, null,
    ]);
  });

  it('fills Yoast and Rank Math templates; noindex and canonical', () => {
    const ctx = { title: 'عنوان الخبر', excerpt: 'ملخص', siteTitle: 'خليجي 247' };
    expect(seoFromMeta({ _yoast_wpseo_title: '%%title%% %%sep%% %%sitename%% %%page%%', '_yoast_wpseo_meta-robots-noindex': '1' }, ctx)).toEqual({
      metaTitle: 'عنوان الخبر - خليجي 247', noIndex: true,
    });
    expect(seoFromMeta({ rank_math_description: '%excerpt% — تفاصيل', rank_math_canonical_url: 'javascript:alert(1)', rank_math_robots: 'a:1:{i:0;s:5:"index";}' }, ctx)).toEqual({
      metaDescription: 'ملخص — تفاصيل',
    });
    expect(seoFromMeta({ _yoast_wpseo_metadesc: 'و'.repeat(400) }, ctx)!.metaDescription!.length).toBeLessThanOrEqual(300);
    expect(seoFromMeta({}, ctx)).toBeNull();
  });

  it('orders sections parents first, and survives a parent cycle', () => {
    const index = emptyIndex();
    const cat = (slug: string, parent: string) => indexEvent(index, { type: 'term', term: { id: slug, taxonomy: 'category', slug, parent, name: slug, description: '' } });
    cat('c', 'b');
    cat('b', 'a');
    cat('a', '');
    cat('x', 'y');
    cat('y', 'x');
    const order = sectionsInOrder(index);
    expect(order.map((s) => s.key)).toEqual(['a', 'b', 'c', 'y', 'x']);
    expect(order.find((s) => s.key === 'c')!.parent).toBe('b');
    expect(order.find((s) => s.key === 'y')!.parent).toBeUndefined();
  });

  it('uses Co-Authors Plus bylines (users and guest authors) before dc:creator', async () => {
    const { index, all } = await fixtureIndex();
    expect(postAuthors(all[0], index).map((a) => [a.key, a.name])).toEqual([
      ['user:khalid', 'خالد العتيبي'],
      ['guest:cap-brussels-correspondent', 'مراسل خليجي 247 في بروكسل'],
    ]);
    expect(postAuthors(all[2], index).map((a) => a.name)).toEqual(['سارة الكعبي']);
  });

  it('parses the command line', () => {
    expect(parseImportArgs(['x.xml', '--dry-run', '--limit', '5', '--uploads', 'up', '--pages'])).toEqual({
      file: 'x.xml', dryRun: true, limit: 5, uploads: 'up', pages: true, redirects: null,
    });
    expect(() => parseImportArgs([])).toThrow(UsageError);
    expect(() => parseImportArgs(['x.xml', '--limit', '0'])).toThrow(/positive integer/);
    expect(() => parseImportArgs(['x.xml', '--uploads'])).toThrow(/needs a value/);
    expect(() => parseImportArgs(['x.xml', '--force'])).toThrow(/unknown option/);
  });

  it('writes redirects old permalink → new path, as CSV with quoting', () => {
    const e = redirectFor({ wordpressId: '7', link: 'https://old.example/2025/06/%d8%ae%d8%a8%d8%b1/' }, '/ar/news/%D8%AE%D8%A8%D8%B1');
    expect(e).toEqual({ wordpressId: '7', from: '/2025/06/%d8%ae%d8%a8%d8%b1/', fromDecoded: '/2025/06/خبر/', to: '/ar/news/%D8%AE%D8%A8%D8%B1' });
    expect(redirectFor({ wordpressId: '8', link: 'not a url' }, '/ar/x/y')).toBeNull();
    expect(redirectsCsv([{ wordpressId: '9', from: '/?p=9', fromDecoded: '/a,b', to: '/ar/x/y' }])).toBe('wordpress_id,from,from_decoded,to\n9,/?p=9,"/a,b",/ar/x/y\n');
  });
});

describe('mapPost on the test export', () => {
  it('the seed article (classic editor): Arabic slug decoded, primary category, tags, co-authors, cover, Yoast SEO, chrome removed', async () => {
    const post = await mapped('101');
    expect(post).toMatchObject({
      status: 'published', locale: 'ar', date: '2025-06-04T09:30:00.000Z', title: 'وزراء خارجية «الناتو» يجتمعون في بروكسل',
      slug: 'وزراء-خارجية-الناتو-يجتمعون-في-بروكسل', section: '%d8%af%d9%88%d9%84%d9%8a',
      seo: { metaTitle: 'وزراء خارجية «الناتو» يجتمعون في بروكسل - خليجي 247', metaDescription: expect.stringContaining('اجتماع وزراء خارجية الناتو') },
      cover: { key: 'attachment:102', url: 'https://old.khaleeji247.example/wp-content/uploads/2025/06/nato-brussels.jpg', alt: 'أعلام الدول الأعضاء أمام مقر الحلف' },
    });
    expect(post.tags.map(decodeSlug)).toEqual(['الناتو', 'بروكسل', 'أوكرانيا']);
    const body = texts(post.body);
    expect(body).not.toMatch(/شاركها|Exit mobile version|©|أخبار ذات صلة|sharethis/);
    expect(post.body.filter((b) => b.type === 'paragraph')).toHaveLength(7); // the seed's seven story paragraphs
    expect(post.bodyImages).toEqual([expect.objectContaining({ key: 'attachment:102', caption: 'وزراء خارجية الحلف في بروكسل' })]);
    expect(post.notes).toEqual(['shortcodes removed: sharethis-inline-buttons']);
  });

  it('the Gutenberg post: Rank Math SEO, list, quote, embed, images by attachment or URL', async () => {
    const post = await mapped('110');
    expect(post.seo).toEqual({ metaTitle: 'أسعار النفط ترتفع مع تمديد خفض الإنتاج - خليجي 247', metaDescription: 'أوبك+ تمدد خفض الإنتاج والأسعار ترتفع.', canonicalUrl: 'https://www.khaleeji247.example/ar/economy/oil', noIndex: true });
    expect(post.body.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'quote', 'image', 'paragraph', 'image']);
    expect(post.bodyImages.map((i) => i.key)).toEqual(['attachment:103', 'url:https://old.khaleeji247.example/wp-content/uploads/2025/06/missing-chart.png']);
  });

  it('drafts, scheduled posts and the malformed items', async () => {
    expect(await mapped('120')).toMatchObject({ status: 'draft', date: null, slug: '' });
    expect(await mapped('130')).toMatchObject({ status: 'scheduled', date: '2030-06-24T06:00:00.000Z', slug: 'قمة-لاهاي-تنطلق-غدا' });
    const { index, all } = await fixtureIndex();
    const result = (id: string, pages = false) => mapPost(all.find((i) => i.postId === id)!, index, { ...OPTIONS, pages });
    expect(result('140')).toMatchObject({ kind: 'invalid', id: '140', reason: 'the title is empty' });
    expect(result('141')).toMatchObject({ kind: 'invalid', id: '141', reason: expect.stringContaining('no usable date') });
    expect(result('150')).toEqual({ kind: 'ignored', reason: 'post type page' });
    expect(result('150', true)).toMatchObject({ kind: 'post', post: { postType: 'page', slug: 'about' } });
    expect(result('160')).toEqual({ kind: 'ignored', reason: 'post type nav_menu_item' });
    expect(result('170')).toEqual({ kind: 'ignored', reason: 'status trash' });
    expect(result('102')).toEqual({ kind: 'ignored', reason: 'post type attachment' });
  });
});

/**
 * A synthetic WordPress export of any size, produced as a stream of chunks
 * (never one string), for the streaming/memory test, the bulk import test and
 * the 10,000-post measurement. Posts cycle through the seed article's
 * paragraphs, three categories (one a child), tags and two authors; every
 * tenth post is Gutenberg, the rest classic.
 */
import fs from 'node:fs';
import path from 'node:path';

const SEED = [
  'تتسارع وتيرة المناقشات داخل الاتحاد الأوروبي حول سبل زيادة الإنفاق الدفاعي، ويعقد وزراء خارجية الدول الأعضاء في حلف شمال الأطلسي «الناتو» غداً (الخميس)، اجتماعات تستمر يومين في العاصمة البلجيكية بروكسل.',
  'وقال مسؤول في الحلف للصحفيين اليوم (الأربعاء)، إن وزراء الخارجية يجتمعون لمواصلة التحضيرات لقمتنا في لاهاي، المقررة نهاية يونيو القادم.',
  'وكان أمين عام الحلف مارك روته زار منطقة البلقان الغربية الشهر الماضي، كما زار سراييفو، والتقى أفراد قوة الحلف في كوسوفو.',
  'وشدد المسؤول بالقول: يدرك الحلفاء تأثير عدم الاستقرار والصراع في الجوار الجنوبي على أمنهم.',
];
const enc = (s: string) => encodeURIComponent(s).toLowerCase();
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export interface GeneratedWxrOptions {
  site?: string;
  /** Extra characters of body per post (to make the file big without more posts). */
  padding?: number;
}

export function* generateWxr(posts: number, { site = 'https://bulk.khaleeji247.example', padding = 0 }: GeneratedWxrOptions = {}): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>خليجي 247</title><link>${site}</link><language>ar</language><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${site}</wp:base_site_url>
<wp:author><wp:author_login>${cdata('khalid')}</wp:author_login><wp:author_display_name>${cdata('خالد العتيبي')}</wp:author_display_name></wp:author>
<wp:author><wp:author_login>${cdata('sara')}</wp:author_login><wp:author_display_name>${cdata('سارة الكعبي')}</wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>${enc('سياسة')}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata('سياسة')}</wp:cat_name></wp:category>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename>${enc('دولي')}</wp:category_nicename><wp:category_parent>${enc('سياسة')}</wp:category_parent><wp:cat_name>${cdata('دولي')}</wp:cat_name></wp:category>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename>${enc('اقتصاد')}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata('اقتصاد')}</wp:cat_name></wp:category>
`;
  const cats = ['سياسة', 'دولي', 'اقتصاد'];
  const pad = padding ? SEED.join(' ').repeat(Math.ceil(padding / 400)).slice(0, padding) : '';
  for (let i = 1; i <= posts; i++) {
    const title = `خبر رقم ${i}: ${SEED[i % SEED.length].slice(0, 60)}`;
    const slug = enc(`خبر-رقم-${i}`);
    const day = String((i % 28) + 1).padStart(2, '0');
    const paragraphs = [SEED[i % 4], SEED[(i + 1) % 4], SEED[(i + 2) % 4]];
    const content =
      i % 10 === 0
        ? paragraphs.map((p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`).join('\n\n')
        : paragraphs.join('\n\n') + (pad ? `\n\n${pad}` : '');
    const cat = cats[i % 3];
    yield `<item><title>${cdata(title)}</title><link>${site}/2024/05/${day}/${slug}/</link><dc:creator>${cdata(i % 2 ? 'khalid' : 'sara')}</dc:creator>
<guid isPermaLink="false">${site}/?p=${i}</guid><content:encoded>${cdata(content)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>${cdata(`2024-05-${day} 08:00:00`)}</wp:post_date><wp:post_date_gmt>${cdata(`2024-05-${day} 05:00:00`)}</wp:post_date_gmt>
<wp:post_name>${cdata(slug)}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type>
<category domain="category" nicename="${enc(cat)}">${cdata(cat)}</category><category domain="post_tag" nicename="tag-${i % 50}">${cdata(`وسم ${i % 50}`)}</category>
<wp:postmeta><wp:meta_key>${cdata('_yoast_wpseo_metadesc')}</wp:meta_key><wp:meta_value>${cdata(SEED[i % 4].slice(0, 120))}</wp:meta_value></wp:postmeta>
</item>
`;
  }
  yield '</channel>\n</rss>\n';
}

/** Writes a generated export to a file (streamed) and returns its size in bytes. */
export async function writeGeneratedWxr(file: string, posts: number, options: GeneratedWxrOptions = {}): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  for (const chunk of generateWxr(posts, options)) {
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return fs.statSync(file).size;
}

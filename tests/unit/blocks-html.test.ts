import { renderBlocksToHtml, safeUrl } from '../../src/lib/blocks-html';
import type { BlocksContent } from '../../src/lib/blocks-types';
import { activeContent } from '../helpers/inert-html';

const p = (text: string, marks: Record<string, boolean> = {}): BlocksContent[number] => ({
  type: 'paragraph',
  children: [{ type: 'text', text, ...marks }],
});
const link = (url: string, text = 'رابط'): BlocksContent[number] => ({
  type: 'paragraph',
  children: [{ type: 'link', url, children: [{ type: 'text', text }] }],
});

/** Nothing executable survives when a browser-grade parser reads the output. */
function expectInert(html: string) {
  expect(activeContent(html)).toEqual([]);
}

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><a href='javascript:alert(1)'>x</a>",
  ']]><script>alert(1)</script>',
];

describe('activeContent (the checker itself)', () => {
  it('detects what it must', () => {
    expect(activeContent('<p>ok <a href="https://x">x</a></p>')).toEqual([]);
    expect(activeContent('<script>1</script><img src=x onerror=alert(1)><a href="java&#x09;script:1">')).toHaveLength(3);
  });
});

describe('renderBlocksToHtml', () => {
  it('wraps Arabic content in an RTL div and keeps the text byte-exact', () => {
    const text = 'أعلنت وزارة الطاقة، اليوم الأحد، عن «خطة» جديدة ١٢٣';
    const html = renderBlocksToHtml([p(text)], { locale: 'ar' });
    expect(html).toBe(`<div dir="rtl" lang="ar"><p>${text}</p></div>`);
  });

  it('marks an Arabic block inside an English article, and leaves English blocks alone', () => {
    const html = renderBlocksToHtml([p('Oil prices rose.'), p('قال الوزير: "Brent" ارتفع')], { locale: 'en' });
    expect(html).toBe('<div dir="ltr" lang="en"><p>Oil prices rose.</p><p dir="rtl" lang="ar">قال الوزير: "Brent" ارتفع</p></div>');
  });

  it('returns an empty string for empty or missing blocks', () => {
    expect(renderBlocksToHtml(null)).toBe('');
    expect(renderBlocksToHtml([])).toBe('');
    expect(renderBlocksToHtml([{ type: 'unknown' } as any])).toBe('');
  });

  it.each(XSS)('escapes a payload in text: %s', (payload) => {
    const html = renderBlocksToHtml([p(payload), { type: 'heading', level: 2, children: [{ type: 'text', text: payload }] }]);
    expectInert(html);
    expect(html).toContain('&lt;');
    expect(html).not.toContain(']]>');
  });

  it.each(XSS)('escapes a payload in quotes, list items, code and marks: %s', (payload) => {
    const html = renderBlocksToHtml([
      { type: 'quote', children: [{ type: 'text', text: payload, bold: true, italic: true }] },
      { type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [{ type: 'text', text: payload }] }] },
      { type: 'code', language: 'js"><script>', children: [{ type: 'text', text: payload }] },
    ]);
    expectInert(html);
    expect(html).not.toContain('class="language-js"><script>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '"><script>alert(1)</script>',
  ])('drops a link to %j but keeps its text', (url) => {
    const html = renderBlocksToHtml([link(url, 'نص الرابط')], { locale: 'ar' });
    expectInert(html);
    expect(html).not.toContain('<a');
    expect(html).toContain('نص الرابط');
  });

  it('keeps http, https and mailto links, escaping the URL', () => {
    const html = renderBlocksToHtml([
      link('https://example.com/a?x=1&y="2"'),
      link('http://example.com/'),
      link('mailto:desk@khaleeji247.example'),
    ]);
    expect(html).toContain('<a href="https://example.com/a?x=1&amp;y=%222%22">');
    expect(html).toContain('<a href="http://example.com/">');
    expect(html).toContain('<a href="mailto:desk@khaleeji247.example">');
  });

  it('resolves site-relative links and images against baseUrl', () => {
    const html = renderBlocksToHtml(
      [link('/ar/اقتصاد/خبر'), { type: 'image', image: { url: '/uploads/a.jpg', width: 10, height: 5 }, children: [] }],
      { baseUrl: 'https://cdn.example' },
    );
    expect(html).toContain('href="https://cdn.example/ar/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/%D8%AE%D8%A8%D8%B1"');
    expect(html).toContain('src="https://cdn.example/uploads/a.jpg"');
  });

  it('renders images with escaped alt and caption, and drops unsafe sources', () => {
    const html = renderBlocksToHtml([
      {
        type: 'image',
        image: { url: 'https://cdn.example/a.jpg', alternativeText: '" onerror="alert(1)', caption: '<script>x</script> صورة', width: 800, height: 600 },
        children: [{ type: 'text', text: '' }],
      },
      { type: 'image', image: { url: 'javascript:alert(1)', width: 1, height: 1 }, children: [] },
      { type: 'image', image: { url: 'https://x.example/" onerror="alert(1)', width: 1, height: 1 }, children: [] },
    ]);
    expectInert(html);
    expect(html).toContain('<img src="https://cdn.example/a.jpg" alt="&quot; onerror=&quot;alert(1)" width="800" height="600" />');
    expect(html).toContain('<figcaption>&lt;script&gt;x&lt;/script&gt; صورة</figcaption>');
    expect(html.match(/<img/g)).toHaveLength(2);
  });

  it('renders headings (level clamped), marks, line breaks, code language and nested lists', () => {
    const html = renderBlocksToHtml(
      [
        { type: 'heading', level: 9 as any, children: [{ type: 'text', text: 'H' }] },
        p('a\nb', { bold: true, underline: true, strikethrough: true, code: true }),
        { type: 'code', language: 'typescript', children: [{ type: 'text', text: 'if (a < b) {}' }] },
        {
          type: 'list',
          format: 'ordered',
          children: [
            { type: 'list-item', children: [{ type: 'text', text: 'one' }] },
            { type: 'list', format: 'unordered', indentLevel: 1, children: [{ type: 'list-item', children: [{ type: 'text', text: 'sub' }] }] },
            { type: 'list-item', children: [{ type: 'text', text: 'two' }] },
          ],
        },
      ],
      { locale: 'en' },
    );
    expect(html).toContain('<h6>H</h6>');
    expect(html).toContain('<p><strong><u><s><code>a<br />b</code></s></u></strong></p>');
    expect(html).toContain('<pre dir="ltr"><code class="language-typescript">if (a &lt; b) {}</code></pre>');
    expect(html).toContain('<ol><li>one<ul><li>sub</li></ul></li><li>two</li></ol>');
  });

  it('strips characters XML 1.0 forbids', () => {
    const html = renderBlocksToHtml([p('a\u000Bb\u0000c\uFFFEd\uD800e\tf')]);
    expect(html).toBe('<div dir="rtl" lang="ar"><p>abcde\tf</p></div>');
  });

  it('tolerates malformed nodes without throwing', () => {
    const bad: any[] = [null, { type: 'paragraph' }, { type: 'list', children: [null, { type: 'x' }] }, { type: 'image' }];
    expect(() => renderBlocksToHtml(bad as BlocksContent)).not.toThrow();
  });
});

describe('safeUrl', () => {
  it('accepts listed schemes only and resolves site-relative paths', () => {
    expect(safeUrl('https://a.example/x', ['https:'])).toBe('https://a.example/x');
    expect(safeUrl('ftp://a.example/x', ['https:'])).toBeNull();
    expect(safeUrl('/x', ['https:'])).toBe('/x');
    expect(safeUrl('/x', ['https:'], 'https://b.example')).toBe('https://b.example/x');
    expect(safeUrl('/\\evil.example', ['https:'])).toBeNull();
    expect(safeUrl(42, ['https:'])).toBeNull();
  });
});

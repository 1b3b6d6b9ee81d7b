import fs from 'node:fs';
import path from 'node:path';
import { parseNewsMl, parseNinjs, parseWireSources, wireDraft, wireStatus, WireFormatError } from '../../src/lib/wire/items';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/wire', name), 'utf8');
const paragraphs = (blocks: unknown[]) => (blocks as Array<{ children: Array<{ text?: string }> }>).map((b) => b.children.map((c) => c.text ?? '').join(''));

describe('ninjs', () => {
  it('2.x: headlines, descriptions, html bodies, bylines, located, rights', () => {
    const [item] = parseNinjs(fixture('kuna-ninjs2-v1.json'));
    expect(item).toMatchObject({
      id: 'urn:kuna.net.kw:news:2025-06-04:3215771', version: 1, status: 'usable', language: 'ar',
      headline: 'وزراء خارجية الناتو يجتمعون في بروكسل لبحث الإنفاق الدفاعي', summary: 'اجتماعات تستمر يومين في العاصمة البلجيكية تحضيراً لقمة لاهاي.',
      dateline: 'بروكسل', byline: 'مكتب كونا في بروكسل', firstCreated: '2025-06-04T07:10:00.000Z',
      rights: { holder: 'وكالة الأنباء الكويتية (كونا)', notice: 'جميع الحقوق محفوظة لوكالة الأنباء الكويتية', usageTerms: 'للاستخدام من قبل المشتركين فقط؛ يجب ذكر المصدر' },
    });
    expect(paragraphs(item.body)).toHaveLength(2);
    expect(parseNinjs(fixture('kuna-ninjs2-v2.json'))[0]).toMatchObject({ id: item.id, version: 2 });
  });

  it('1.x: headline, body_text paragraphs, an array of items', () => {
    const items = parseNinjs(fixture('wam-ninjs1.json'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: 'http://wam.ae/ar/details/1395303512345', headline: 'الإمارات تستضيف منتدى الطاقة الخليجي الشهر المقبل', dateline: 'أبوظبي', byline: 'وام', versionCreated: '2025-06-05T01:30:00.000Z' });
    expect(paragraphs(items[0].body)).toEqual([
      'أبوظبي في 5 يونيو / وام / تستضيف دولة الإمارات منتدى الطاقة الخليجي الشهر المقبل بمشاركة وزراء الطاقة في دول مجلس التعاون.',
      'ويناقش المنتدى أمن الإمدادات والتحول إلى مصادر الطاقة النظيفة.',
    ]);
  });

  it('refuses what is not ninjs', () => {
    expect(() => parseNinjs('{')).toThrow(WireFormatError);
    expect(() => parseNinjs('{"headline":"بلا معرف"}')).toThrow(/uri/);
    expect(() => parseNinjs('[1]')).toThrow(/JSON object/);
  });
});

describe('NewsML-G2', () => {
  it('a newsMessage newsItem: guid, version, rights, itemMeta, contentMeta, NITF body', () => {
    const [item] = parseNewsMl(fixture('spa-newsml-v1.xml'));
    expect(item).toMatchObject({
      id: 'urn:newsml:spa.gov.sa:20250605:2345678', version: 1, status: 'usable', language: 'ar', provider: 'SPA',
      headline: 'مجلس الوزراء السعودي يقر ميزانية المشاريع التنموية', dateline: 'الرياض', byline: 'واس',
      rights: { holder: 'SPA', notice: '© 2025 وكالة الأنباء السعودية', usageTerms: 'يُحظر النشر قبل الساعة 09:00 بتوقيت الرياض' },
      versionCreated: '2025-06-05T05:00:00.000Z',
    });
    expect(paragraphs(item.body)).toEqual([
      'الرياض 05 يونيو 2025 (واس) -- أقر مجلس الوزراء خلال جلسته الأسبوعية حزمة من المشاريع التنموية.',
      'وأوضح البيان أن المشاريع تشمل الطرق والمياه والتعليم.',
    ]);
    expect(JSON.stringify(item.body)).toContain('"bold":true');
  });

  it('a bare withdrawn newsItem with inline text', () => {
    const [kill] = parseNewsMl(fixture('spa-newsml-kill.xml'));
    expect(kill).toMatchObject({ id: 'urn:newsml:spa.gov.sa:20250605:2345678', version: 2, status: 'withdrawn' });
    expect(paragraphs(kill.body)).toEqual(['سحب الخبر. يرجى عدم النشر.']);
  });

  it('refuses broken or empty documents', () => {
    expect(() => parseNewsMl('<newsItem')).toThrow(WireFormatError);
    expect(() => parseNewsMl('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>')).toThrow(/no <newsItem>/);
    expect(() => parseNewsMl('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" version="1"/>')).toThrow(/guid/);
  });
});

describe('drafts and configuration', () => {
  it('statuses in every spelling', () => {
    expect(['usable', 'stat:withdrawn', 'withheld', 'canceled', 'cancelled', 'stat:canceled', '', 'x'].map(wireStatus)).toEqual([
      'usable', 'withdrawn', 'withdrawn', 'canceled', 'canceled', 'canceled', 'usable', 'usable',
    ]);
  });

  it('the draft keeps the agency as source, the dateline, and the rights in one text; long headlines are clipped', () => {
    const [item] = parseNinjs(fixture('kuna-ninjs2-v1.json'));
    expect(wireDraft(item, 'KUNA')).toMatchObject({
      source: 'KUNA', dateline: 'بروكسل', wireId: item.id, wireVersion: 1, wireStatus: 'usable',
      wireRights: '© وكالة الأنباء الكويتية (كونا) — جميع الحقوق محفوظة لوكالة الأنباء الكويتية — للاستخدام من قبل المشتركين فقط؛ يجب ذكر المصدر',
    });
    expect(wireDraft({ ...item, headline: 'خبر '.repeat(100) }, 'KUNA').title.length).toBeLessThanOrEqual(250);
  });

  it('WIRE_SOURCES: valid sources kept, every problem named', () => {
    const { sources, problems } = parseWireSources(JSON.stringify([
      { name: 'KUNA', format: 'ninjs', location: '/var/wire/kuna', interval: 30 },
      { name: 'SPA', format: 'NewsML', location: 'https://wire.example/spa.xml' },
      { name: 'X', format: 'rss', location: '/x' },
      { name: 'Y', format: 'ninjs', location: '/y', interval: 1 },
      { format: 'ninjs', location: '/z' },
    ]));
    expect(sources).toEqual([
      { name: 'KUNA', format: 'ninjs', location: '/var/wire/kuna', intervalSeconds: 30 },
      { name: 'SPA', format: 'newsml', location: 'https://wire.example/spa.xml', intervalSeconds: 60 },
    ]);
    expect(problems).toEqual(['WIRE_SOURCES[2].format must be "ninjs" or "newsml"', 'WIRE_SOURCES[3].interval must be at least 10 seconds', 'WIRE_SOURCES[4].name is missing']);
    expect(parseWireSources('')).toEqual({ sources: [], problems: [] });
    expect(parseWireSources('{').problems).toEqual(['WIRE_SOURCES is not JSON']);
  });
});

import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';

/**
 * The article edit view arranged for a newsroom: the story first (title,
 * excerpt, body), then its placement in half-width columns (section beside
 * authors, tags beside dateline), media and related links, the schedule, and
 * corrections. Strapi 5's edit view is one grid (its right-hand panel is
 * reserved for publishing and locales), so the "second column" is the right
 * half of that grid.
 */
export const ARTICLE_EDIT_LAYOUT: Array<Array<[string, number]>> = [
  [['title', 12]],
  [['excerpt', 12]],
  [['body', 12]],
  [['section', 6], ['authors', 6]],
  [['tags', 6], ['dateline', 6]],
  [['cover', 12]],
  [['relatedLinks', 12]],
  [['scheduledPublishAt', 6], ['scheduledUnpublishAt', 6]],
  [['isBreaking', 4], ['source', 6]],
  [['wireStatus', 4], ['wireId', 8]],
  [['wireVersion', 4], ['wireRights', 8]],
  [['slug', 6]],
  [['corrections', 12]],
  [['seo', 12]],
];

/**
 * Columns of the list view: the scheduled times show which versions are embargoed or expiring; the
 * source and wire status show agency copy waiting in the «الوكالات» section and what the agency withdrew.
 */
export const ARTICLE_LIST_LAYOUT = ['title', 'section', 'source', 'wireStatus', 'scheduledPublishAt', 'scheduledUnpublishAt', 'updatedAt'];

/** Labels and hints written for editors (Arabic first, the English name after it). */
export const ARTICLE_HINTS: Record<string, { label: string; description: string; placeholder?: string; mainField?: string }> = {
  title: { label: 'العنوان · Title', description: 'عنوان الخبر كما يظهر للقارئ؛ واضح ومباشر، بحد أقصى 250 حرفًا.', placeholder: 'اكتب العنوان هنا' },
  excerpt: { label: 'الموجز · Excerpt', description: 'جملة أو جملتان تلخصان الخبر؛ تظهر في القوائم والخلاصات ومحركات البحث.' },
  body: { label: 'نص الخبر · Body', description: 'متن الخبر. استخدم العناوين الفرعية والاقتباسات عند الحاجة.' },
  section: { label: 'القسم · Section', description: 'مطلوب قبل النشر؛ يحدد رابط الخبر وموضعه في الموقع.', mainField: 'name' },
  authors: { label: 'الكتّاب · Authors', description: 'بالترتيب الذي يظهر في سطر التوقيع.', mainField: 'name' },
  tags: { label: 'الوسوم · Tags', description: 'موضوعات الخبر؛ تربطه بالأخبار المشابهة.', mainField: 'name' },
  dateline: { label: 'مكان الخبر · Dateline', description: 'المدينة التي يُبث منها الخبر، مثل «دبي».' },
  cover: { label: 'الصورة الرئيسية · Cover', description: 'الصورة مع التعليق واسم المصور أو الوكالة (حقوق الصورة).' },
  relatedLinks: { label: 'أخبار ذات صلة · Related', description: 'حتى 10 روابط: خبر من أخبارنا أو رابط خارجي، واحد فقط لكل عنصر.' },
  scheduledPublishAt: { label: 'موعد النشر · Publish at', description: 'حظر النشر: تُنشر هذه النسخة تلقائيًا في هذا الموعد (وقت ماضٍ = تُنشر خلال دقيقة).' },
  scheduledUnpublishAt: { label: 'موعد إلغاء النشر · Unpublish at', description: 'انتهاء الصلاحية: تُسحب النسخة المنشورة في هذا الموعد؛ يجب أن يكون بعد موعد النشر.' },
  isBreaking: { label: 'عاجل · Breaking', description: 'يُبرز الخبر في شريط الأخبار العاجلة.' },
  source: { label: 'المصدر · Source', description: 'وكالة الأنباء أو الجهة المصدر، إن وجدت.' },
  wireStatus: { label: 'حالة خبر الوكالة · Wire status', description: 'تضبطه الوكالة: «withdrawn» أو «canceled» يعني أنها سحبت الخبر؛ لا تنشره، وراجع النسخة المنشورة إن وجدت.' },
  wireId: { label: 'معرّف الوكالة · Wire id', description: 'معرّف الخبر لدى الوكالة؛ تحدِّث نسخُه الجديدة هذه المسودة.' },
  wireVersion: { label: 'نسخة الوكالة · Wire version', description: 'رقم آخر نسخة وصلت من الوكالة.' },
  wireRights: { label: 'حقوق الوكالة · Rights', description: 'صاحب الحقوق وشروط الاستخدام كما أرسلتها الوكالة؛ لا تظهر للقراء.' },
  slug: { label: 'المعرّف في الرابط · Slug', description: 'يُولد من العنوان تلقائيًا بالعربية ولا يتغير بعد النشر إلا إذا غيرته أنت.' },
  corrections: { label: 'التصحيحات · Corrections', description: 'أضف تصحيحًا بتاريخه ونصه عند تعديل معلومة منشورة؛ يظهر أسفل الخبر ويُحدّث تاريخ التعديل.' },
  seo: { label: 'محركات البحث · SEO', description: 'اختياري: عنوان ووصف وصورة مخصصة لمحركات البحث والشبكات الاجتماعية.' },
};

/** Bump when the layout above changes, so it is applied once more (and an editor's own tweaks survive until then). */
export const ARTICLE_LAYOUT_VERSION = 2;

export async function applyArticleAdminLayout(strapi: Core.Strapi, force = false): Promise<boolean> {
  const store = strapi.store({ type: 'plugin', name: 'newsroom' });
  const applied = (await store.get({ key: 'article-layout-version' })) as number | null;
  if (!force && applied !== null && applied >= ARTICLE_LAYOUT_VERSION) return false;

  const service = strapi.plugin('content-manager').service('content-types');
  const contentType = service.findContentType(ARTICLE);
  const current = await service.findConfiguration(contentType);
  const metadatas = { ...current.metadatas };
  for (const [field, hint] of Object.entries(ARTICLE_HINTS)) {
    const { mainField, ...edit } = hint;
    const meta = metadatas[field] ?? { edit: {}, list: {} };
    metadatas[field] = {
      ...meta,
      edit: { ...meta.edit, ...edit, ...(mainField ? { mainField } : {}) },
      list: { ...meta.list, label: hint.label, ...(mainField ? { mainField } : {}) },
    };
  }
  await service.updateConfiguration(contentType, {
    settings: current.settings,
    metadatas,
    layouts: {
      ...current.layouts,
      list: ARTICLE_LIST_LAYOUT,
      edit: ARTICLE_EDIT_LAYOUT.map((row) => row.map(([name, size]) => ({ name, size }))),
    },
  });
  await store.set({ key: 'article-layout-version', value: ARTICLE_LAYOUT_VERSION });
  return true;
}

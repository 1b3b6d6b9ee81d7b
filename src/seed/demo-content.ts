/**
 * Demo content seeded into an empty development database.
 *
 * Pure, typed data — no Strapi imports. Entities reference each other by
 * ASCII `key`s (kebab-case); the seeder resolves keys to documents.
 * Slugs are NOT part of the data: the app derives them from the names/titles
 * (Arabic slug for the `ar` locale, English slug for `en`).
 *
 * All people, quotes and figures in the articles below are fictional, except
 * the first article, whose Arabic body is the publisher's own legacy text
 * (data/seeds/nato-brussels.txt).
 */

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

export type DemoLocale = 'ar' | 'en';

export interface DemoSiteLocale {
  name: string;
  description: string;
  copyright: string;
}

export interface DemoSite {
  /** Shared across locales. */
  baseUrl: string;
  ar: DemoSiteLocale;
  en: DemoSiteLocale;
}

export interface DemoSectionLocale {
  name: string;
  description: string;
}

export interface DemoSection {
  key: string;
  /** Optional parent section key (e.g. world → politics). */
  parentKey?: string;
  /** Navigation order, ascending. */
  position: number;
  ar: DemoSectionLocale;
  en: DemoSectionLocale;
}

export type SocialPlatform = 'x' | 'facebook' | 'instagram' | 'linkedin' | 'youtube' | 'website';

export interface DemoSocialLink {
  platform: SocialPlatform;
  url: string;
}

export interface DemoAuthorLocale {
  name: string;
  jobTitle: string;
  bio: string;
}

export interface DemoAuthor {
  key: string;
  ar: DemoAuthorLocale;
  en: DemoAuthorLocale;
  email: string;
  socialLinks: DemoSocialLink[];
}

export interface DemoTag {
  key: string;
  ar: { name: string };
  en: { name: string };
}

/** External related link; the label is in the language of its locale. */
export interface DemoRelatedUrl {
  label: string;
  url: string;
}

interface DemoArticleLocaleBase {
  /** ≤ 250 chars. */
  title: string;
  /** Dek / standfirst, ≤ 600 chars. */
  excerpt: string;
  /** City the story is filed from, e.g. 'بروكسل' / 'Brussels'. */
  dateline?: string;
  /** Attribution, e.g. 'وكالات', 'خليجي 247'. */
  source?: string;
  /** External related links for this locale (https only). */
  relatedUrls?: DemoRelatedUrl[];
}

/** Body given inline as paragraph strings. */
export interface DemoArticleLocaleInline extends DemoArticleLocaleBase {
  body: string[];
  bodyFromLegacyFile?: undefined;
}

/**
 * Body read from a legacy printed-article file (path relative to the repo
 * root), to be parsed with `parseLegacyArticle` from src/lib/legacy-article.
 */
export interface DemoArticleLocaleLegacy extends DemoArticleLocaleBase {
  bodyFromLegacyFile: string;
  body?: undefined;
}

export type DemoArticleLocale = DemoArticleLocaleInline | DemoArticleLocaleLegacy;

export interface DemoArticle {
  key: string;
  ar: DemoArticleLocale;
  /** English version, when the desk translated the story. */
  en?: DemoArticleLocale;
  sectionKey: string;
  /** First author is the main byline; the rest are co-authors. */
  authorKeys: string[];
  tagKeys: string[];
  /** Internal related articles (CMS `relatedLinks`), by article key. */
  relatedKeys: string[];
  isBreaking: boolean;
  /** Publication date = seeding time minus this many days (fractions allowed). */
  publishedDaysAgo: number;
  /** Makes the story a live coverage (isLive) with these entries. */
  live?: DemoLive;
}

/** One update of a live coverage, posted this many minutes before seeding. */
export interface DemoLiveEntry {
  minutesAgo: number;
  title?: string;
  /** Paragraphs. */
  body: string[];
  pinned?: boolean;
  isKeyEvent?: boolean;
  /** Defaults to the story's first author. */
  authorKeys?: string[];
}

export interface DemoLive {
  /** coverageStartTime = seeding time minus this many minutes. */
  startedMinutesAgo: number;
  ar: DemoLiveEntry[];
  en?: DemoLiveEntry[];
}

export interface DemoContent {
  site: DemoSite;
  sections: DemoSection[];
  authors: DemoAuthor[];
  tags: DemoTag[];
  articles: DemoArticle[];
}

/* ------------------------------------------------------------------ */
/* Site                                                                */
/* ------------------------------------------------------------------ */

const site: DemoSite = {
  baseUrl: 'https://khaleeji247.example',
  ar: {
    name: 'خليجي 247',
    description:
      'منصة إخبارية خليجية تواكب على مدار الساعة أبرز أخبار الخليج والعالم في السياسة والاقتصاد والرياضة والتقنية، بتغطية مهنية موثوقة وتحليلات معمّقة.',
    copyright: '© 2025 خليجي 247. جميع الحقوق محفوظة.',
  },
  en: {
    name: 'Khaleeji 247',
    description:
      'A Gulf news platform covering the region and the world around the clock — politics, business, sport and technology — with reliable reporting and in-depth analysis.',
    copyright: '© 2025 Khaleeji 247. All rights reserved.',
  },
};

/* ------------------------------------------------------------------ */
/* Sections                                                            */
/* ------------------------------------------------------------------ */

const sections: DemoSection[] = [
  {
    key: 'politics',
    position: 1,
    ar: {
      name: 'سياسة',
      description: 'الشأن السياسي الخليجي والعربي: القرارات الرسمية، والعلاقات الإقليمية، والقمم والاجتماعات الوزارية.',
    },
    en: {
      name: 'Politics',
      description: 'Gulf and Arab political affairs: official decisions, regional relations, summits and ministerial meetings.',
    },
  },
  {
    key: 'world',
    parentKey: 'politics',
    position: 2,
    ar: {
      name: 'دولي',
      description: 'أبرز التطورات الدولية وانعكاساتها على المنطقة، من أوروبا وآسيا إلى الأمريكتين وإفريقيا.',
    },
    en: {
      name: 'World',
      description: 'Major international developments and their impact on the region, from Europe and Asia to the Americas and Africa.',
    },
  },
  {
    key: 'economy',
    position: 3,
    ar: {
      name: 'اقتصاد',
      description: 'أسواق الطاقة والأسهم، والمال والأعمال، والسياسات الاقتصادية في دول مجلس التعاون.',
    },
    en: {
      name: 'Economy',
      description: 'Energy and equity markets, business and finance, and economic policy across the GCC.',
    },
  },
  {
    key: 'sports',
    position: 4,
    ar: {
      name: 'رياضة',
      description: 'أخبار كرة القدم الخليجية والعربية، والبطولات القارية والدولية، والرياضات الأخرى.',
    },
    en: {
      name: 'Sports',
      description: 'Gulf and Arab football, continental and international tournaments, and other sports.',
    },
  },
  {
    key: 'technology',
    position: 5,
    ar: {
      name: 'تقنية',
      description: 'الذكاء الاصطناعي والتحوّل الرقمي والشركات الناشئة والأمن السيبراني في الخليج والعالم.',
    },
    en: {
      name: 'Technology',
      description: 'Artificial intelligence, digital transformation, start-ups and cybersecurity in the Gulf and beyond.',
    },
  },
  {
    key: 'local',
    position: 6,
    ar: {
      name: 'محليات',
      description: 'الطقس والخدمات والمجتمع والفعاليات في مدن الخليج.',
    },
    en: {
      name: 'Local',
      description: 'Weather, public services, community and events in Gulf cities.',
    },
  },
];

/* ------------------------------------------------------------------ */
/* Authors (fictional)                                                 */
/* ------------------------------------------------------------------ */

const authors: DemoAuthor[] = [
  {
    key: 'reem-alhashimi',
    email: 'reem.alhashimi@khaleeji247.example',
    ar: {
      name: 'ريم الهاشمي',
      jobTitle: 'محررة الشؤون الدولية',
      bio: 'صحفية متخصصة في الشؤون الدولية والأمن الإقليمي، غطّت اجتماعات حلف شمال الأطلسي والاتحاد الأوروبي من بروكسل، وتكتب عن علاقات الخليج بالقوى الكبرى.',
    },
    en: {
      name: 'Reem Al Hashimi',
      jobTitle: 'International Affairs Editor',
      bio: 'Journalist specialising in international affairs and regional security. She has covered NATO and EU meetings from Brussels and writes on the Gulf’s relations with major powers.',
    },
    socialLinks: [
      { platform: 'x', url: 'https://x.com/k247_reem' },
      { platform: 'linkedin', url: 'https://www.linkedin.com/in/k247-reem-alhashimi' },
    ],
  },
  {
    key: 'khalid-almarri',
    email: 'khalid.almarri@khaleeji247.example',
    ar: {
      name: 'خالد المرّي',
      jobTitle: 'محرر اقتصادي أول',
      bio: 'يغطي أسواق النفط والأسهم الخليجية منذ أكثر من عشر سنوات، ويتابع قرارات «أوبك+» والسياسات المالية لدول مجلس التعاون.',
    },
    en: {
      name: 'Khalid Al Marri',
      jobTitle: 'Senior Economics Editor',
      bio: 'Has covered oil and Gulf equity markets for more than a decade, following OPEC+ decisions and GCC fiscal policy.',
    },
    socialLinks: [
      { platform: 'x', url: 'https://x.com/k247_khalid' },
      { platform: 'website', url: 'https://khaleeji247.example/ar/authors/khalid-almarri' },
    ],
  },
  {
    key: 'sultan-alkaabi',
    email: 'sultan.alkaabi@khaleeji247.example',
    ar: {
      name: 'سلطان الكعبي',
      jobTitle: 'محرر الشؤون الرياضية',
      bio: 'محرر رياضي يتابع الكرة الخليجية والبطولات الآسيوية، ويهتم بملفات الاحتراف وتطوير المواهب الشابة.',
    },
    en: {
      name: 'Sultan Al Kaabi',
      jobTitle: 'Sports Editor',
      bio: 'Sports editor following Gulf football and Asian competitions, with a focus on professionalism and youth development.',
    },
    socialLinks: [
      { platform: 'x', url: 'https://x.com/k247_sultan' },
      { platform: 'instagram', url: 'https://www.instagram.com/k247_sultan' },
      { platform: 'youtube', url: 'https://www.youtube.com/@k247sports' },
    ],
  },
  {
    key: 'noura-alsuwaidi',
    email: 'noura.alsuwaidi@khaleeji247.example',
    ar: {
      name: 'نورة السويدي',
      jobTitle: 'محررة التقنية',
      bio: 'تكتب عن الذكاء الاصطناعي والتحوّل الرقمي وريادة الأعمال التقنية في الخليج، وتهتم بتقنيات معالجة اللغة العربية.',
    },
    en: {
      name: 'Noura Al Suwaidi',
      jobTitle: 'Technology Editor',
      bio: 'Writes about artificial intelligence, digital transformation and tech entrepreneurship in the Gulf, with a particular interest in Arabic language technology.',
    },
    socialLinks: [
      { platform: 'x', url: 'https://x.com/k247_noura' },
      { platform: 'linkedin', url: 'https://www.linkedin.com/in/k247-noura-alsuwaidi' },
    ],
  },
  {
    key: 'faisal-alajmi',
    email: 'faisal.alajmi@khaleeji247.example',
    ar: {
      name: 'فيصل العجمي',
      jobTitle: 'مراسل المحليات',
      bio: 'مراسل ميداني يغطي الطقس والخدمات العامة وشؤون المجتمع، ويتابع الحالات الجوية والطوارئ على مدار الساعة.',
    },
    en: {
      name: 'Faisal Al Ajmi',
      jobTitle: 'Local Affairs Reporter',
      bio: 'Field reporter covering weather, public services and community affairs, tracking weather events and emergencies around the clock.',
    },
    socialLinks: [
      { platform: 'x', url: 'https://x.com/k247_faisal' },
      { platform: 'facebook', url: 'https://www.facebook.com/k247.faisal.alajmi' },
    ],
  },
];

/* ------------------------------------------------------------------ */
/* Tags                                                                */
/* ------------------------------------------------------------------ */

const tags: DemoTag[] = [
  { key: 'nato', ar: { name: 'الناتو' }, en: { name: 'NATO' } },
  { key: 'ukraine', ar: { name: 'أوكرانيا' }, en: { name: 'Ukraine' } },
  { key: 'defence-spending', ar: { name: 'الإنفاق الدفاعي' }, en: { name: 'Defence spending' } },
  { key: 'middle-east', ar: { name: 'الشرق الأوسط' }, en: { name: 'Middle East' } },
  { key: 'gcc', ar: { name: 'مجلس التعاون الخليجي' }, en: { name: 'GCC' } },
  { key: 'opec-plus', ar: { name: 'أوبك+' }, en: { name: 'OPEC+' } },
  { key: 'oil', ar: { name: 'النفط' }, en: { name: 'Oil' } },
  { key: 'gulf-markets', ar: { name: 'الأسواق الخليجية' }, en: { name: 'Gulf markets' } },
  { key: 'football', ar: { name: 'كرة القدم' }, en: { name: 'Football' } },
  { key: 'gulf-cup', ar: { name: 'كأس الخليج' }, en: { name: 'Gulf Cup' } },
  { key: 'ai', ar: { name: 'الذكاء الاصطناعي' }, en: { name: 'Artificial intelligence' } },
  { key: 'weather', ar: { name: 'الطقس' }, en: { name: 'Weather' } },
  { key: 'athletics', ar: { name: 'ألعاب القوى' }, en: { name: 'Athletics' } },
];

/* ------------------------------------------------------------------ */
/* Articles                                                            */
/* ------------------------------------------------------------------ */

const articles: DemoArticle[] = [
  /* 1 — legacy seed article (Arabic body parsed from file) ------------ */
  {
    key: 'nato-brussels',
    sectionKey: 'world',
    authorKeys: ['reem-alhashimi'],
    tagKeys: ['nato', 'ukraine', 'defence-spending', 'middle-east'],
    relatedKeys: ['gcc-ministerial', 'opec-plus-output'],
    isBreaking: false,
    publishedDaysAgo: 3,
    ar: {
      title: 'وزراء خارجية «الناتو» يجتمعون في بروكسل لبحث الإنفاق الدفاعي وأوكرانيا والتحضير لقمة لاهاي',
      excerpt:
        'يعقد وزراء خارجية الدول الأعضاء في حلف شمال الأطلسي اجتماعات تستمر يومين في بروكسل، تتناول الحفاظ على زخم زيادة الإنفاق الدفاعي ودعم أوكرانيا والتحضيرات لقمة لاهاي المقررة نهاية يونيو، فيما يستعد الحلف لافتتاح مكتب ارتباط في عمّان وتوسيع مهام بعثته في العراق.',
      dateline: 'بروكسل',
      source: 'وكالات',
      bodyFromLegacyFile: 'data/seeds/nato-brussels.txt',
      relatedUrls: [{ label: 'الموقع الرسمي لحلف شمال الأطلسي', url: 'https://www.nato.int/' }],
    },
    en: {
      title: 'NATO foreign ministers meet in Brussels on defence spending, Ukraine and preparations for The Hague summit',
      excerpt:
        'Foreign ministers of NATO member states hold two days of meetings in Brussels focused on sustaining the momentum of higher defence spending, support for Ukraine and preparations for the summit in The Hague at the end of June, as the Alliance prepares to open a liaison office in Amman and expand its mission in Iraq.',
      dateline: 'Brussels',
      source: 'Agencies',
      relatedUrls: [{ label: 'NATO official website', url: 'https://www.nato.int/' }],
      body: [
        'Discussions within the European Union on ways to increase defence spending are gathering pace, as the foreign ministers of the member states of the North Atlantic Treaty Organization (NATO) hold two days of meetings in the Belgian capital, Brussels, starting tomorrow (Thursday), to discuss developments in Ukraine, defence spending and the summit in The Hague.',
        'An Alliance official told reporters today (Wednesday) that the foreign ministers are meeting to continue preparations for “our summit in The Hague”, scheduled for the end of June, adding: “They will discuss how to maintain the momentum in increasing defence spending and how to boost defence industrial production. We also expect them to discuss our continued support for Ukraine, and how to strengthen our long-standing cooperation on issues of common interest and in several areas with our partners from the Indo-Pacific region (Australia, Japan, New Zealand and the Republic of Korea).”',
        'NATO Secretary General Mark Rutte visited the Western Balkans last month, including Sarajevo, and met Alliance personnel in Kosovo serving with the Kosovo Force and the NATO Advisory and Liaison Team. According to the official, both visits were further tangible evidence that the Western Balkans continues to hold an important place on NATO’s agenda as a region of strategic importance. As our leaders affirmed at the NATO summit last July, the security of the Western Balkans is essential to our stability, and we will not allow it to be put at risk.',
        'The official stressed: “Allies are aware of the impact of instability and conflict in the southern neighbourhood on their own security. Through our partnerships in the southern neighbourhood, NATO aims to strengthen security and stability in the Middle East and Africa, contributing to peace and prosperity.”',
        'The foreign ministers’ meeting is scheduled to include a session of the NATO-Ukraine Council with the participation of Ukraine’s Foreign Minister Andrii Sybiha and the European Union’s High Representative for Foreign Affairs and Security Policy, Kaja Kallas. NATO ministers will also meet representatives of the Alliance’s partners in the Indo-Pacific region, and there will be a meeting between the Allies and the EU High Representative.',
        'On the Middle East, the official said: “We will soon open a NATO liaison office in Amman, and we continue to strengthen dialogue, engagement and the existing tools for cooperation, such as the Defence Capacity Building Initiative, the Hub for the South, and the NATO-Istanbul Cooperation Initiative Regional Centre in Kuwait.” He explained that NATO Mission Iraq is a non-combat mission that aims to provide advice and build capacity, helping Iraq build more sustainable, transparent, inclusive and effective security institutions and armed forces, in order to achieve stability in the country, fight terrorism and prevent the return of the terrorist organisation ISIS (Daesh).',
        'He added: “At the request of the Iraqi authorities, we are expanding the scope of NATO Mission Iraq’s tasks to support the Iraqi Ministry of Interior and the Federal Police Command with advisory and capacity-building activities.”',
      ],
    },
  },

  /* 2 — economy: OPEC+ -------------------------------------------------- */
  {
    key: 'opec-plus-output',
    sectionKey: 'economy',
    authorKeys: ['khalid-almarri'],
    tagKeys: ['opec-plus', 'oil', 'gcc'],
    relatedKeys: ['gulf-stocks', 'gcc-ministerial'],
    isBreaking: false,
    publishedDaysAgo: 1,
    ar: {
      title: '«أوبك+» تُبقي على مستويات الإنتاج دون تغيير وسط ترقّب لمسار الطلب العالمي على النفط',
      excerpt:
        'قرّر تحالف «أوبك+» الإبقاء على سياسة الإنتاج الحالية في اجتماعه الافتراضي، مؤكداً نهج «المرونة والحذر» في إدارة الإمدادات، فيما يرى محللون أن القرار يدعم استقرار الأسعار وموازنات دول الخليج في ظل ضبابية آفاق الاقتصاد العالمي.',
      dateline: 'دبي',
      source: 'خليجي 247',
      relatedUrls: [{ label: 'الموقع الرسمي لمنظمة أوبك', url: 'https://www.opec.org/' }],
      body: [
        'قرّر تحالف «أوبك+» في ختام اجتماعه الافتراضي، أمس، الإبقاء على مستويات إنتاج النفط الحالية دون تغيير حتى نهاية الربع الأول من العام المقبل، في خطوة جاءت متوافقة مع توقعات معظم المحللين، وسط ترقّب لمسار الطلب العالمي على الخام في ظل تباطؤ النمو في عدد من الاقتصادات الكبرى.',
        'وأكد التحالف في بيانه الختامي التزامه بنهج «المرونة والحذر» في إدارة الإمدادات، مشيراً إلى أن لجنة المراقبة الوزارية المشتركة ستواصل متابعة أوضاع السوق عن كثب، وأن الدول الأعضاء مستعدة لاتخاذ إجراءات إضافية «إذا اقتضت الحاجة» للحفاظ على توازن السوق.',
        'وقال الدكتور سامي الحربي، الخبير في اقتصادات الطاقة، لـ«خليجي 247» إن القرار «يعكس أولوية استقرار الأسعار على حساب السعي إلى حصص سوقية أكبر»، لافتاً إلى أن الأسواق كانت قد استوعبت هذا السيناريو مسبقاً، وأن التحدي الحقيقي يكمن في مستوى المخزونات التجارية خلال أشهر الشتاء.',
        'وعلى الصعيد الإقليمي، يُتوقَّع أن ينعكس استقرار الإنتاج إيجاباً على التخطيط المالي لدول مجلس التعاون، التي تعتمد موازناتها لعام ٢٠٢٦ على افتراضات متحفظة لأسعار النفط، بالتوازي مع مواصلة برامج تنويع مصادر الدخل وزيادة مساهمة القطاعات غير النفطية في الناتج المحلي الإجمالي.',
      ],
    },
    en: {
      title: 'OPEC+ keeps output unchanged as markets watch the path of global oil demand',
      excerpt:
        'The OPEC+ alliance decided at its virtual meeting to keep its current production policy, reaffirming a “flexible and cautious” approach to managing supply. Analysts say the decision supports price stability and Gulf budgets amid an uncertain global economic outlook.',
      dateline: 'Dubai',
      source: 'Khaleeji 247',
      relatedUrls: [{ label: 'OPEC official website', url: 'https://www.opec.org/' }],
      body: [
        'The OPEC+ alliance decided at the close of its virtual meeting yesterday to keep current oil production levels unchanged until the end of the first quarter of next year, a move in line with most analysts’ expectations as markets watch the path of global crude demand amid slowing growth in several major economies.',
        'In its final statement, the alliance reaffirmed its commitment to a “flexible and cautious” approach to managing supply, noting that the Joint Ministerial Monitoring Committee will continue to follow market conditions closely and that member states stand ready to take additional measures “if needed” to keep the market balanced.',
        'Dr Sami Al Harbi, an energy economist, told Khaleeji 247 that the decision “reflects a priority on price stability rather than chasing a bigger market share”, adding that markets had already priced in this scenario and that the real challenge lies in commercial inventory levels over the winter months.',
        'Regionally, stable output is expected to support fiscal planning in GCC states, whose 2026 budgets are built on conservative oil-price assumptions, as they press ahead with programmes to diversify revenue and raise the contribution of non-oil sectors to GDP.',
      ],
    },
  },

  /* 3 — economy: Gulf markets (Arabic only) ---------------------------- */
  {
    key: 'gulf-stocks',
    sectionKey: 'economy',
    authorKeys: ['khalid-almarri', 'noura-alsuwaidi'],
    tagKeys: ['gulf-markets', 'oil', 'ai'],
    relatedKeys: ['opec-plus-output', 'ai-gulf-investment'],
    isBreaking: false,
    publishedDaysAgo: 0.5,
    ar: {
      title: 'الأسهم الخليجية تُغلق على ارتفاع بدعم من البنوك والطاقة وأسهم التقنية',
      excerpt:
        'أنهت معظم أسواق الأسهم الخليجية جلسة اليوم على ارتفاع، مدفوعة بمكاسب قطاعَي البنوك والطاقة بعد قرار «أوبك+» تثبيت الإنتاج، إلى جانب إقبال المستثمرين على أسهم شركات التقنية المرتبطة بمشاريع الذكاء الاصطناعي ومراكز البيانات.',
      dateline: 'الرياض',
      source: 'خليجي 247',
      body: [
        'أغلقت معظم أسواق الأسهم الخليجية تعاملات اليوم على ارتفاع، إذ صعد المؤشر العام للسوق السعودية بنسبة ٠٫٨٪، وارتفع مؤشر سوق دبي المالي ١٫١٪، فيما سجّل مؤشر بورصة قطر مكاسب بلغت ٠٫٦٪، وسط تداولات نشطة تجاوزت قيمتها الإجمالية ٨ مليارات دولار.',
        'وقاد قطاع البنوك موجة الصعود مع ترقّب المستثمرين لنتائج الربع الرابع، بينما استفادت أسهم الطاقة من قرار تحالف «أوبك+» الإبقاء على مستويات الإنتاج دون تغيير، وهو ما عزّز الثقة باستقرار الإيرادات النفطية خلال الأشهر المقبلة.',
        'كما لفتت أسهم شركات التقنية والاتصالات الأنظار، بعد إعلان عدد منها عن شراكات جديدة لبناء مراكز بيانات وتقديم خدمات الحوسبة السحابية للذكاء الاصطناعي، في مؤشر على تنامي اهتمام المستثمرين بقطاع الاقتصاد الرقمي في المنطقة.',
        'وقال مدير الاستثمار في إحدى شركات الوساطة بالرياض، ماجد القحطاني، إن «السيولة المؤسسية عادت تدريجياً إلى الأسواق»، متوقعاً أن تبقى التحركات محكومة بأسعار النفط وقرارات أسعار الفائدة حتى نهاية العام.',
      ],
    },
  },

  /* 4 — sports: Gulf Cup (Arabic only, breaking) ---------------------- */
  {
    key: 'gulf-cup-preparations',
    sectionKey: 'sports',
    authorKeys: ['sultan-alkaabi'],
    tagKeys: ['gulf-cup', 'football'],
    relatedKeys: ['corniche-marathon'],
    isBreaking: true,
    publishedDaysAgo: 0.1,
    ar: {
      title: 'اللجنة المنظمة تعلن جدول مباريات كأس الخليج وطرح التذاكر إلكترونياً الأسبوع المقبل',
      excerpt:
        'أعلنت اللجنة المنظمة لبطولة كأس الخليج العربي جدول المباريات الكامل وموعد طرح التذاكر عبر منصة إلكترونية موحّدة، مع تخصيص مقاعد للعائلات ومنطقة للمشجعين بجوار الملعب الرئيسي، فيما تواصل المنتخبات المشاركة معسكراتها الإعدادية.',
      dateline: 'الكويت',
      source: 'خليجي 247',
      body: [
        'أعلنت اللجنة المنظمة لبطولة كأس الخليج العربي لكرة القدم، مساء اليوم، الجدول الكامل لمباريات البطولة التي تُقام بمشاركة ثمانية منتخبات موزّعة على مجموعتين، على أن تُطرح التذاكر للبيع إلكترونياً مطلع الأسبوع المقبل عبر منصة موحّدة.',
        'وقال المتحدث باسم اللجنة، عبدالله الشمّري، إن الملاعب المستضيفة «جاهزة بنسبة تقارب ١٠٠٪»، مشيراً إلى تخصيص مدرجات للعائلات، وإنشاء منطقة للمشجعين تستوعب نحو ٢٠ ألف زائر يومياً، تتضمن شاشات عملاقة وفعاليات تراثية وعروضاً فنية.',
        'وفي سياق متصل، تواصل المنتخبات المشاركة معسكراتها الإعدادية، إذ يخوض عدد منها مباريات ودّية خلال فترة التوقف الدولي، بينما أعلنت أجهزة فنية أخرى قوائمها الأولية التي ضمّت عناصر شابة إلى جانب اللاعبين أصحاب الخبرة.',
        'وتحظى البطولة، التي انطلقت نسختها الأولى عام ١٩٧٠، بمكانة خاصة لدى الجماهير الخليجية، ويُنتظر أن تشهد حضوراً جماهيرياً كبيراً في ظل التسهيلات الجديدة لتنقّل المشجعين بين دول المجلس.',
      ],
    },
  },

  /* 5 — technology: AI in the Gulf (Arabic + English) ----------------- */
  {
    key: 'ai-gulf-investment',
    sectionKey: 'technology',
    authorKeys: ['noura-alsuwaidi'],
    tagKeys: ['ai', 'gcc', 'gulf-markets'],
    relatedKeys: ['gulf-stocks'],
    isBreaking: false,
    publishedDaysAgo: 2,
    ar: {
      title: 'تقرير: دول الخليج تسرّع الاستثمار في الذكاء الاصطناعي ومراكز البيانات والنماذج اللغوية العربية',
      excerpt:
        'كشف تقرير حديث أن دول مجلس التعاون ضاعفت إنفاقها على البنية التحتية للذكاء الاصطناعي خلال عامين، مع توسّع ملحوظ في مراكز البيانات وتطوير نماذج لغوية عربية، وسط تحديات تتعلق بالمواهب وتكاليف الطاقة وحوكمة البيانات.',
      dateline: 'أبوظبي',
      source: 'خليجي 247',
      body: [
        'كشف تقرير صادر عن «مرصد الخليج للاقتصاد الرقمي» أن دول مجلس التعاون ضاعفت استثماراتها في البنية التحتية للذكاء الاصطناعي بين عامَي ٢٠٢٣ و٢٠٢٥، مدفوعةً بخطط حكومية طموحة لتنويع الاقتصاد، وتوسّع كبير في إنشاء مراكز البيانات الضخمة.',
        'وأوضح التقرير أن مشاريع تطوير النماذج اللغوية العربية باتت في صدارة الأولويات، إذ تسعى مؤسسات بحثية وشركات ناشئة إلى بناء نماذج تفهم اللهجات الخليجية وتتعامل مع خصائص الكتابة العربية، مثل التشكيل وتنوّع صور الهمزة (أ، إ، آ، ؤ، ئ)، بدقة أعلى من النماذج العالمية العامة.',
        'وقالت الدكتورة مريم النعيمي، الباحثة في المرصد، إن «البيانات العربية عالية الجودة ما زالت التحدي الأكبر»، مضيفةً أن جملةً مثل «العِلْمُ نُورٌ» قد تُكتب بالتشكيل أو من دونه، وأن على أنظمة البحث والفهرسة أن تتعامل مع الصيغتين على حدّ سواء.',
        'وأشار التقرير إلى أن نقص الكفاءات المتخصصة وارتفاع استهلاك الطاقة في مراكز البيانات يمثلان أبرز العقبات، داعياً إلى تعزيز برامج التدريب المشتركة بين الجامعات والقطاع الخاص، وتبنّي معايير إقليمية موحّدة لحوكمة البيانات وحماية الخصوصية بحلول عام ٢٠٣٠.',
        'ويتوقع معدّو التقرير أن تتجاوز مساهمة الذكاء الاصطناعي في اقتصادات المنطقة ١٥٠ مليار دولار سنوياً بنهاية العقد، إذا ما استمرت وتيرة الاستثمار الحالية ونجحت الحكومات في تسريع تبنّي التقنيات الجديدة في القطاعات الخدمية.',
      ],
    },
    en: {
      title: 'Report: Gulf states accelerate investment in AI, data centres and Arabic language models',
      excerpt:
        'A new report finds that GCC states have doubled spending on artificial intelligence infrastructure in two years, with a marked expansion in data centres and Arabic language models, amid challenges around talent, energy costs and data governance.',
      dateline: 'Abu Dhabi',
      source: 'Khaleeji 247',
      body: [
        'A report by the Gulf Digital Economy Observatory finds that GCC states doubled their investment in artificial intelligence infrastructure between 2023 and 2025, driven by ambitious government plans to diversify their economies and a major expansion in large-scale data centres.',
        'The report says projects to develop Arabic language models are now a top priority, as research institutions and start-ups seek to build models that understand Gulf dialects and handle the particularities of Arabic script — such as diacritics and the different forms of the hamza — more accurately than general-purpose global models.',
        'Dr Maryam Al Nuaimi, a researcher at the observatory, said that “high-quality Arabic data remains the biggest challenge”, adding that a sentence such as “knowledge is light” may be written with or without diacritics in Arabic, and search and indexing systems must handle both forms equally well.',
        'The report identifies the shortage of specialised talent and the high energy consumption of data centres as the main obstacles, calling for stronger joint training programmes between universities and the private sector and for unified regional standards on data governance and privacy protection by 2030.',
        'The authors expect AI’s contribution to the region’s economies to exceed $150 billion a year by the end of the decade if the current pace of investment continues and governments succeed in speeding up adoption across service sectors.',
      ],
    },
  },

  /* 6 — local: weather alert (Arabic + English, breaking) ------------- */
  {
    key: 'weather-thunderstorms',
    sectionKey: 'local',
    authorKeys: ['faisal-alajmi'],
    tagKeys: ['weather'],
    relatedKeys: ['corniche-marathon'],
    isBreaking: true,
    publishedDaysAgo: 0,
    // Live coverage of the storm (تغطية مباشرة): the README's live examples run against it.
    live: {
      startedMinutesAgo: 180,
      ar: [
        {
          minutesAgo: 170,
          title: 'بدء الحالة الجوية',
          body: ['بدأت السحب الركامية بالتشكّل فوق المناطق الشمالية، وسُجّلت أولى زخات المطر على الطرق الساحلية.'],
        },
        {
          minutesAgo: 120,
          title: 'رفع مستوى التنبيه إلى البرتقالي',
          isKeyEvent: true,
          body: [
            'رفع المركز الوطني للأرصاد مستوى التنبيه إلى البرتقالي على المناطق الشمالية والشرقية حتى مساء الجمعة.',
            'ودعا المركز السكان إلى متابعة النشرات الرسمية وعدم تداول الشائعات.',
          ],
        },
        {
          minutesAgo: 60,
          body: ['أغلقت الشرطة طريق وادي الحلو مؤقتاً بعد جريان السيول، وتعمل فرق الدفاع المدني على تحويل حركة السير.'],
        },
        {
          minutesAgo: 20,
          title: 'أرقام الطوارئ',
          pinned: true,
          body: ['للبلاغات العاجلة اتصلوا بالرقم ٩٩٩، ولبلاغات انقطاع الكهرباء بالرقم ٩٩١. تابعوا هذه التغطية للتحديثات.'],
        },
      ],
      en: [
        {
          minutesAgo: 120,
          title: 'Alert raised to orange',
          isKeyEvent: true,
          body: ['The National Centre of Meteorology raised its alert to orange for northern and eastern areas until Friday evening.'],
        },
        {
          minutesAgo: 20,
          title: 'Emergency numbers',
          pinned: true,
          body: ['For emergencies call 999; for power cuts call 991. Follow this coverage for updates.'],
        },
      ],
    },
    ar: {
      title: 'الأرصاد تحذّر من أمطار رعدية غزيرة ورياح نشطة على مناطق عدة حتى مساء الجمعة',
      excerpt:
        'رفع المركز الوطني للأرصاد مستوى التنبيه إلى البرتقالي مع توقّع هطول أمطار رعدية غزيرة قد تصل إلى ٤٥ ملم، ورياح نشطة تتجاوز سرعتها ٦٠ كم/س، داعياً السائقين إلى توخّي الحذر والابتعاد عن الأودية ومجاري السيول.',
      dateline: 'أبوظبي',
      source: 'خليجي 247',
      body: [
        'حذّر المركز الوطني للأرصاد من حالة عدم استقرار جوي تبدأ من مساء اليوم (الأربعاء) وتستمر حتى مساء الجمعة، مع توقّع هطول أمطار رعدية متفاوتة الشدة قد تكون غزيرة على المناطق الشمالية والشرقية، وتصل كمياتها إلى ٤٥ ملم في بعض المواقع.',
        'وأوضح المتنبئ الجوي في المركز، حمد الظاهري، أن الرياح ستكون جنوبية شرقية إلى شمالية غربية نشطة السرعة، تتراوح بين ٢٥ و٤٠ كم/س وقد تتجاوز ٦٠ كم/س مع السحب الركامية، ما يؤدي إلى تدنّي مدى الرؤية الأفقية وارتفاع الموج في البحر إلى نحو مترين.',
        'ودعت الجهات المختصة السائقين إلى خفض السرعة وتجنّب عبور الأودية ومجاري السيول، كما طالبت هواة التخييم والرحلات البرية بتأجيل خططهم حتى انتهاء الحالة، مؤكدةً جاهزية فرق الطوارئ والدفاع المدني للتعامل مع أي بلاغات.',
        'وتفاعل السكان مع الأجواء الماطرة عبر منصات التواصل الاجتماعي، متداولين مقاطع للغيوم الكثيفة وعبارة «اللَّهُمَّ صَيِّبًا نَافِعًا»، فيما أعلنت عدة مدارس تحويل الدراسة يوم الخميس إلى نظام التعلّم عن بُعد احترازياً.',
      ],
    },
    en: {
      title: 'Met office warns of heavy thunderstorms and strong winds across several regions until Friday evening',
      excerpt:
        'The National Centre of Meteorology has raised its alert level to orange, forecasting heavy thunderstorms with up to 45 mm of rain and winds exceeding 60 km/h, and urging drivers to take care and stay away from wadis and flood channels.',
      dateline: 'Abu Dhabi',
      source: 'Khaleeji 247',
      body: [
        'The National Centre of Meteorology has warned of unstable weather from this evening (Wednesday) until Friday evening, with thunderstorms of varying intensity expected to be heavy at times over northern and eastern areas, bringing up to 45 mm of rain in some locations.',
        'Centre forecaster Hamad Al Dhaheri said winds would blow from the south-east to the north-west at 25 to 40 km/h, possibly exceeding 60 km/h under cumulus clouds, reducing horizontal visibility and raising waves at sea to around two metres.',
        'Authorities urged drivers to slow down and avoid crossing wadis and flood channels, and asked campers and desert-trip enthusiasts to postpone their plans until the weather clears, adding that emergency and civil defence teams are on standby to respond to any reports.',
        'Residents shared videos of dense clouds on social media along with a traditional prayer for beneficial rain, while several schools announced that Thursday’s classes would move to remote learning as a precaution.',
      ],
    },
  },

  /* 7 — politics: GCC ministerial council (Arabic only) --------------- */
  {
    key: 'gcc-ministerial',
    sectionKey: 'politics',
    authorKeys: ['reem-alhashimi', 'faisal-alajmi'],
    tagKeys: ['gcc', 'middle-east'],
    relatedKeys: ['nato-brussels', 'opec-plus-output'],
    isBreaking: false,
    publishedDaysAgo: 4,
    ar: {
      title: 'المجلس الوزاري الخليجي يؤكد أولوية الأمن البحري ويدعو إلى تسريع مشاريع التكامل الاقتصادي',
      excerpt:
        'اختتم المجلس الوزاري لمجلس التعاون لدول الخليج العربية أعمال دورته العادية في الرياض، مؤكداً أن أمن الممرات البحرية وحرية الملاحة جزء لا يتجزأ من الأمن الإقليمي، ومطالباً بتسريع مشاريع الربط الاقتصادي والسوق الخليجية المشتركة.',
      dateline: 'الرياض',
      source: 'خليجي 247',
      body: [
        'اختتم المجلس الوزاري لمجلس التعاون لدول الخليج العربية، اليوم، أعمال دورته العادية في مقر الأمانة العامة بالرياض، بمشاركة وزراء خارجية الدول الأعضاء، حيث ناقش تطورات الأوضاع الإقليمية والدولية وسبل تعزيز العمل الخليجي المشترك.',
        'وأكد البيان الختامي أن أمن الممرات البحرية وحرية الملاحة في المنطقة «جزءٌ لا يتجزأ من الأمن الإقليمي والدولي»، مرحّباً بتوسيع قنوات الحوار مع الشركاء الدوليين، ومن بينها مبادرة إسطنبول للتعاون مع حلف شمال الأطلسي، بما يخدم الاستقرار ويحترم سيادة الدول.',
        'وعلى الصعيد الاقتصادي، دعا المجلس إلى تسريع استكمال متطلبات السوق الخليجية المشتركة والاتحاد الجمركي، ومتابعة الجدول الزمني لمشروع السكك الحديدية الخليجية، مشيداً بالتقدّم المحرز في مشروعات الربط الكهربائي والتحوّل الرقمي للخدمات الحكومية.',
        'ورحّب الوزراء بنتائج اجتماعات اللجان الفنية المتخصصة، وكلّفوا الأمانة العامة برفع تقرير شامل إلى القمة المقبلة يتضمن توصيات عملية حول تعزيز الأمن الغذائي والمائي ومواجهة تداعيات التغيّر المناخي.',
      ],
    },
  },

  /* 8 — sports: city marathon (Arabic only) --------------------------- */
  {
    key: 'corniche-marathon',
    sectionKey: 'sports',
    authorKeys: ['sultan-alkaabi', 'faisal-alajmi'],
    tagKeys: ['athletics', 'weather'],
    relatedKeys: ['gulf-cup-preparations', 'weather-thunderstorms'],
    isBreaking: false,
    publishedDaysAgo: 6,
    ar: {
      title: 'أكثر من ١٢ ألف عدّاء يشاركون في ماراثون الكورنيش وسط أجواء شتوية معتدلة',
      excerpt:
        'شهدت النسخة الجديدة من ماراثون الكورنيش مشاركة قياسية تجاوزت ١٢ ألف عدّاء وعدّاءة من أكثر من ٧٠ جنسية، في سباقات تنوّعت بين الماراثون الكامل ونصف الماراثون وسباق العائلة لمسافة ٥ كيلومترات.',
      dateline: 'الدوحة',
      source: 'خليجي 247',
      body: [
        'انطلق صباح اليوم ماراثون الكورنيش في نسخته الجديدة بمشاركة أكثر من ١٢ ألف عدّاء وعدّاءة يمثلون ما يزيد على ٧٠ جنسية، في أجواء شتوية معتدلة لم تتجاوز فيها درجات الحرارة ٢٢ درجة مئوية عند خط الانطلاق.',
        'وتنوّعت فئات السباق بين الماراثون الكامل لمسافة ٤٢٫١٩٥ كيلومتراً، ونصف الماراثون، وسباق ١٠ كيلومترات، إضافةً إلى سباق العائلة لمسافة ٥ كيلومترات الذي استقطب أعداداً كبيرة من الأطفال وكبار السن وأصحاب الهمم.',
        'وقال مدير السباق، يوسف الإبراهيم، إن اللجنة المنظمة «وضعت خطة طوارئ لمتابعة الأحوال الجوية» بالتنسيق مع الأرصاد، مشيراً إلى تزويد المسار بـ١٥ محطة للمياه والإسعافات الأولية، وتطبيق نظام توقيت إلكتروني يتيح للمشاركين متابعة نتائجهم فور عبور خط النهاية.',
      ],
    },
  },
];

/* ------------------------------------------------------------------ */
/* Export                                                              */
/* ------------------------------------------------------------------ */

export const demoContent: DemoContent = {
  site,
  sections,
  authors,
  tags,
  articles,
};

export default demoContent;

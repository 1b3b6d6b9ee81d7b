/**
 * The one place that declares what an article response contains.
 * Strapi loads each relation/component level with one batched query per
 * attribute (not per row), so a preset costs a fixed number of SQL queries
 * whatever the page size.
 */
const imageFields = ['url', 'alternativeText', 'caption', 'width', 'height', 'mime', 'formats'] as const;

const image = { fields: [...imageFields] };

/** Card: lists, feeds summaries, search results. No body. */
export const cardFields = [
  'title',
  'slug',
  'excerpt',
  'firstPublishedAt',
  'isBreaking',
  // Live coverage: the card's JSON-LD is the page's LiveBlogPosting.
  'isLive',
  'coverageStartTime',
  'coverageEndTime',
  'readingTimeMinutes',
  'locale',
  'publishedAt',
  'updatedAt',
];

export const cardPopulate = {
  cover: { populate: { image } },
  section: { fields: ['name', 'slug'] },
  authors: { fields: ['name', 'slug'], populate: { avatar: image } },
  tags: { fields: ['name', 'slug'] },
  // What the JSON-LD reads of the SEO block: a card's NewsArticle is the same as the article page's.
  seo: { fields: ['metaDescription', 'canonicalUrl', 'noIndex', 'maxImagePreview'], populate: { ogImage: image } },
};

/** Full: detail, by-slug, feeds with full text, preview. Every scalar field plus the relations below. */
export const fullPopulate = {
  ...cardPopulate,
  authors: { fields: ['name', 'slug', 'jobTitle'], populate: { avatar: image } },
  relatedLinks: { populate: { article: { fields: ['title', 'slug', 'locale'], populate: { section: { fields: ['slug'] } } } } },
  seo: { populate: { ogImage: image } },
  corrections: { fields: ['date', 'note'] },
};

export type PresetName = 'card' | 'full';

export const presets: Record<PresetName, { fields?: string[]; populate: Record<string, unknown> }> = {
  card: { fields: cardFields, populate: cardPopulate },
  full: { populate: fullPopulate },
};

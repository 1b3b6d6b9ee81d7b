/**
 * Deterministic Arabic newsroom text for the bulk seeder, recombined from
 * the publisher's own legacy article and the demo stories, so bodies, titles
 * and slugs have real Arabic word lengths, punctuation and spelling.
 * Pure: no Strapi, no I/O beyond reading the legacy file once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { demoContent } from '../../src/seed/demo-content';
import { parseLegacyArticle } from '../../src/lib/legacy-article';

/** mulberry32: tiny seeded PRNG, so two runs with the same seed produce the same database. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** `count` distinct items (count ≤ items.length). */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(random() * items.length));
  return [...chosen].map((i) => items[i]);
}

export interface TextBank {
  paragraphs: string[];
  /** Clauses cut at Arabic commas/full stops: material for titles and excerpts. */
  clauses: string[];
}

const appRoot = path.resolve(__dirname, '..', '..');

export function loadTextBank(): TextBank {
  const paragraphs: string[] = [];
  for (const article of demoContent.articles) {
    const ar = article.ar;
    if (ar.body) paragraphs.push(...ar.body);
    else paragraphs.push(...parseLegacyArticle(fs.readFileSync(path.join(appRoot, ar.bodyFromLegacyFile), 'utf8')).paragraphs);
  }
  const clauses = paragraphs
    .flatMap((p) => p.split(/[.،؛:!؟]\s*/))
    .map((c) => c.replace(/[«»()"]/g, '').trim())
    .filter((c) => c.split(/\s+/).length >= 5);
  return { paragraphs, clauses };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** A headline of 6–14 words taken from the start of a clause. */
export function title(random: Random, bank: TextBank): string {
  const w = words(pick(random, bank.clauses));
  return w.slice(0, Math.min(w.length, between(random, 6, 14))).join(' ');
}

/** A standfirst of one or two clauses, ≤ 600 characters. */
export function excerpt(random: Random, bank: TextBank): string {
  const text = `${pick(random, bank.clauses)}، ${pick(random, bank.clauses)}.`;
  return text.length <= 600 ? text : `${text.slice(0, 597)}…`;
}

/** 3–6 paragraphs as a Strapi blocks value. */
export function body(random: Random, bank: TextBank) {
  return sample(random, bank.paragraphs, between(random, 3, 6)).map((text) => ({
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, text }],
  }));
}

export const SECTION_NAMES = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'تقنية'];
export const DATELINES = ['الرياض', 'دبي', 'أبوظبي', 'الدوحة', 'الكويت', 'المنامة', 'مسقط', 'بروكسل', 'القاهرة', 'لندن'];
export const SOURCES = ['خليجي 247', 'وكالات', 'رويترز', 'أ ف ب', 'واس'];

const FIRST_NAMES = ['محمد', 'أحمد', 'فاطمة', 'عائشة', 'خالد', 'سارة', 'عبدالله', 'مريم', 'يوسف', 'نورة', 'سلمان', 'هند', 'ناصر', 'ليلى', 'فيصل', 'ريم', 'حمد', 'جواهر', 'سعود', 'لطيفة'];
const FAMILY_NAMES = ['العتيبي', 'الكعبي', 'المري', 'الشمري', 'الهاشمي', 'الزهراني', 'البلوشي', 'القحطاني', 'النعيمي', 'الرميثي', 'الدوسري', 'الحربي', 'المنصوري', 'السويدي', 'الخليفة'];
const JOB_TITLES = ['محرر', 'مراسل', 'محررة', 'مراسلة', 'كاتب رأي', 'محلل اقتصادي'];

/** `count` distinct Arabic bylines. */
export function authorNames(count: number): Array<{ name: string; jobTitle: string }> {
  const out: Array<{ name: string; jobTitle: string }> = [];
  for (let i = 0; out.length < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const family = FAMILY_NAMES[Math.floor(i / FIRST_NAMES.length) % FAMILY_NAMES.length];
    out.push({ name: `${first} ${family}`, jobTitle: JOB_TITLES[i % JOB_TITLES.length] });
  }
  return out;
}

/** `count` distinct tag names: single words of the bank first, then two-word pairs. */
export function tagNames(bank: TextBank, count: number): string[] {
  const vocabulary = [...new Set(bank.paragraphs.flatMap(words).map((w) => w.replace(/[^\u0621-\u064A]/g, '')))]
    .filter((w) => w.length >= 4)
    .sort();
  const out = new Set<string>();
  for (let i = 0; out.size < count && i < vocabulary.length; i++) out.add(vocabulary[i]);
  for (let i = 0; out.size < count; i++) out.add(`${vocabulary[i % vocabulary.length]} ${vocabulary[(i * 7 + 3) % vocabulary.length]}`);
  return [...out];
}

/**
 * Text for the search benchmark, where what matters is how many articles a
 * query matches: words follow a Zipf distribution over 32 000 words, with
 * Arabic function words at the head (in most articles, nobody searches them
 * alone) and ~150 real news words spread from rank 300 (≈ 8 % of articles)
 * to rank ~1 900 (≈ 1.5 %), as topical words are in a real news archive.
 * The text bank (bulk-seed's default) is too small a vocabulary for that:
 * every word of it would be in thousands of articles.
 * Pure and deterministic: same seed, same corpus, same queries.
 */
import { rng, type Random } from './text-bank';
import type { ArticleText } from './bulk-seed';

const FUNCTION_WORDS = (
  'في من على إلى أن عن مع هذا هذه التي الذي الذين كان كانت قد بين بعد قبل خلال حيث كما ذلك تلك وقد ' +
  'لقد ثم أو أي كل بعض غير عند منذ حتى إذا لكن بل هو هي هم نحن أنه أنها لم لن ما لا يكون تكون'
).split(' ');

const NEWS_WORDS = (
  'الحكومة الوزير الرئيس المملكة الإمارات قطر الكويت عمان البحرين السعودية دبي الرياض أبوظبي الدوحة مسقط المنامة ' +
  'الاقتصاد النفط الغاز الأسعار الأسواق البورصة الأسهم الاستثمار الميزانية العجز التضخم الفائدة البنك المركزي ' +
  'الشركة الأرباح الإيرادات المشروع التنمية البنية التحتية الطاقة المتجددة الشمسية الرياح الكهرباء المياه ' +
  'الصحة المستشفى الأطباء اللقاح المرضى التعليم المدرسة الجامعة الطلاب المعلمين الثقافة المعرض الكتاب المهرجان ' +
  'الرياضة كرة القدم المنتخب البطولة الدوري الملعب المباراة الفوز الهدف المدرب اللاعب الأولمبية ' +
  'السياحة الفنادق الطيران المطار الرحلات الميناء الشحن التجارة الصادرات الواردات الجمارك ' +
  'التقنية الذكاء الاصطناعي البيانات الإنترنت الهاتف التطبيقات الأمن السيبراني الشبكات الحوسبة ' +
  'المناخ الحرارة الأمطار العاصفة الزلزال الفيضانات البيئة التلوث الزراعة الغذاء ' +
  'القمة الاجتماع المؤتمر الاتفاقية المفاوضات السلام الأمم المتحدة مجلس التعاون الخليجي'
).split(' ');

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

export interface SearchCorpus {
  text: ArticleText;
  /** Query classes by how many articles they match, for the mixed workload. */
  queries: Record<string, string[]>;
  /** A word in most articles, which nobody types alone: measured apart as the worst case. */
  worstCase: Record<string, string[]>;
}

export function searchCorpus(seed = 20250301, wordsPerBody = 200): SearchCorpus {
  const vocabRandom = rng(seed);
  const rareWord = () =>
    Array.from({ length: 4 + Math.floor(vocabRandom() * 4) }, () => LETTERS[Math.floor(vocabRandom() * LETTERS.length)]).join('');
  const tail = [...new Set(Array.from({ length: 32_000 }, rareWord))].filter((w) => !NEWS_WORDS.includes(w));
  const vocab = [...FUNCTION_WORDS, ...tail.slice(0, 300 - FUNCTION_WORDS.length)];
  let t = 300 - FUNCTION_WORDS.length;
  for (const w of NEWS_WORDS) vocab.push(w, ...tail.slice(t, (t += 10)));
  const words = [...new Set([...vocab, ...tail.slice(t)])];

  // Zipf(1): probability of rank r ∝ 1/r, sampled by binary search over the CDF.
  const weights = words.map((_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const cdf = weights.map((w) => (acc += w / sum));
  const word = (random: Random) => {
    const x = random();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
  const sentence = (random: Random, n: number) => Array.from({ length: n }, () => word(random)).join(' ');
  const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] });

  return {
    text: {
      title: (random) => sentence(random, 6 + Math.floor(random() * 6)),
      excerpt: (random) => sentence(random, 25),
      body: (random) => [paragraph(sentence(random, wordsPerBody / 2)), paragraph(sentence(random, wordsPerBody / 2))],
    },
    queries: {
      topic: ['اسعار', 'النفط', 'الملعب', 'المطار', 'الجمارك', 'المستشفى', 'الحوسبة', 'الفيضانات'],
      rare: words.slice(10_000, 10_008),
      twoWords: ['النفط الاسعار', 'المستشفى الاطباء', 'المنتخب البطولة', 'الطيران المطار'],
      phrase: ['"البنك المركزي"', '"كرة القدم"', '"الذكاء الاصطناعي"'],
      exclusion: ['النفط -الغاز', 'المدرسة -الجامعة', 'الاسعار -البورصة'],
      orWords: ['قطر or الكويت', 'الزلزال or الفيضانات'],
    },
    worstCase: { functionWord: ['كان', 'بين', 'خلال'] },
  };
}

/**
 * The committed demo images (data/demo-media/, drawn by scripts/demo-images.ts)
 * agree with their credits.json, fit the figure component's limits, and give
 * every Google Discover rendition at full size with the focal point in frame.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import figure from '../../src/components/media/figure.json';
import { demoContent } from '../../src/seed/demo-content';
import { DEMO_MEDIA_DIR, type DemoMediaCredits } from '../../src/seed/demo-media';
import { planDiscoverRenditions } from '../../src/lib/renditions';
import { renderCrops } from '../../scripts/lib/crops';

const dir = path.resolve(__dirname, '..', '..', DEMO_MEDIA_DIR);
const credits = JSON.parse(fs.readFileSync(path.join(dir, 'credits.json'), 'utf8')) as DemoMediaCredits;
const entries = Object.entries(credits.files);
const covers = entries.filter(([, c]) => c.for.type === 'article');
const avatars = entries.filter(([, c]) => c.for.type === 'author');

const ARABIC = /[\u0621-\u064A]/;
const limits = {
  caption: figure.attributes.caption.maxLength,
  credit: figure.attributes.credit.maxLength,
  alt: figure.attributes.alt.maxLength,
};

describe('data/demo-media', () => {
  it('credits.json lists exactly the images in the folder', () => {
    const images = fs.readdirSync(dir).filter((f) => f !== 'credits.json');
    expect(images.sort()).toEqual(Object.keys(credits.files).sort());
  });

  it('gives every demo article a cover and attaches avatars only to demo authors', () => {
    expect(covers.map(([, c]) => c.for.key).sort()).toEqual(demoContent.articles.map((a) => a.key).sort());
    const authorKeys = new Set(demoContent.authors.map((a) => a.key));
    expect(avatars.length).toBeGreaterThanOrEqual(3);
    for (const [, c] of avatars) expect(authorKeys.has(c.for.key)).toBe(true);
  });

  it('keeps files small: each < 120 KB, all together < 1 MB', () => {
    const sizes = entries.map(([file]) => fs.statSync(path.join(dir, file)).size);
    expect(sizes.filter((s) => s >= 120 * 1024)).toEqual([]);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(1024 * 1024);
  });

  it.each(entries)('%s is a JPEG of the size credits.json says', async (file, credit) => {
    const meta = await sharp(path.join(dir, file)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', credit.width, credit.height]);
  });

  it.each(entries)('%s has Arabic and English caption, alt and credit within the figure limits', (_file, c) => {
    for (const field of ['caption', 'alt', 'credit'] as const) {
      expect(c[field].ar).toMatch(ARABIC);
      expect(c[field].en).not.toMatch(ARABIC);
      expect(c[field].en.length).toBeGreaterThan(0);
      expect(Math.max(c[field].ar.length, c[field].en.length)).toBeLessThanOrEqual(limits[field]);
    }
    expect(c.licence.name).toBe('CC0 1.0');
    expect(c.focalPoint.x).toBeGreaterThanOrEqual(0);
    expect(c.focalPoint.x).toBeLessThanOrEqual(1);
    expect(c.focalPoint.y).toBeGreaterThanOrEqual(0);
    expect(c.focalPoint.y).toBeLessThanOrEqual(1);
  });

  it('covers are large enough for every Discover rendition at 1200 px, and some focal points are off-centre', () => {
    for (const [, c] of covers) {
      expect(planDiscoverRenditions(c, c.focalPoint).every((p) => p.meetsTargetWidth)).toBe(true);
    }
    expect(covers.filter(([, c]) => Math.abs(c.focalPoint.x - 0.5) > 0.15).length).toBeGreaterThanOrEqual(2);
  });

  it('renderCrops cuts the planned renditions out of a cover', async () => {
    const [file, c] = covers.find(([, credit]) => credit.focalPoint.x < 0.3) ?? covers[0];
    const crops = await renderCrops(fs.readFileSync(path.join(dir, file)), c.focalPoint);
    const sizes = await Promise.all(
      crops.map(async ({ plan, jpeg }) => {
        const { width, height } = await sharp(jpeg).metadata();
        return [plan.name, width, height];
      }),
    );
    expect(sizes).toEqual([
      ['wide', 1200, 675],
      ['standard', 1200, 900],
      ['square', 1200, 1200],
    ]);
  });
});

import {
  CENTRE,
  cropBox,
  DISCOVER_RENDITIONS,
  discoverFormatKey,
  discoverRenditionsOf,
  isDiscoverFormatKey,
  largestRendition,
  maxImagePreviewOf,
  robotsContent,
  focalPointFromStrapi,
  normaliseFocalPoint,
  planDiscoverRenditions,
  planRendition,
  type AspectRatio,
  type CropBox,
  type FocalPoint,
  type Size,
} from '../../src/lib/renditions';
import { rng } from '../../scripts/bench/text-bank';

const RATIOS: AspectRatio[] = DISCOVER_RENDITIONS.map((r) => r.ratio);

/** One side of the box is within 1 px of what the other side and the exact ratio give. */
const withinOnePixel = (box: Size, ratio: AspectRatio) =>
  Math.abs(box.width - (box.height * ratio.width) / ratio.height) <= 1 ||
  Math.abs(box.height - (box.width * ratio.height) / ratio.width) <= 1;

const insideSource = (box: CropBox, source: Size) =>
  box.left >= 0 && box.top >= 0 && box.left + box.width <= source.width && box.top + box.height <= source.height;

const containsFocal = (box: CropBox, source: Size, focal: FocalPoint) => {
  const fx = focal.x * source.width;
  const fy = focal.y * source.height;
  return box.left <= fx && fx <= box.left + box.width && box.top <= fy && fy <= box.top + box.height;
};

describe('DISCOVER_RENDITIONS', () => {
  it('lists 16:9, 4:3 and 1:1 at 1200 px, as Google Discover asks', () => {
    expect(DISCOVER_RENDITIONS).toEqual([
      { name: 'wide', ratio: { width: 16, height: 9 }, width: 1200 },
      { name: 'standard', ratio: { width: 4, height: 3 }, width: 1200 },
      { name: 'square', ratio: { width: 1, height: 1 }, width: 1200 },
    ]);
    expect(Object.isFrozen(DISCOVER_RENDITIONS)).toBe(true);
  });
});

describe('cropBox', () => {
  const source = { width: 1600, height: 1000 };

  it('takes the full height of a wide source and the full width of a tall one', () => {
    expect(cropBox(source, { width: 16, height: 9 })).toEqual({ left: 0, top: 50, width: 1600, height: 900 });
    expect(cropBox(source, { width: 4, height: 3 })).toEqual({ left: 134, top: 0, width: 1333, height: 1000 });
    expect(cropBox(source, { width: 1, height: 1 })).toEqual({ left: 300, top: 0, width: 1000, height: 1000 });
    expect(cropBox({ width: 900, height: 1600 }, { width: 16, height: 9 })).toEqual({ left: 0, top: 547, width: 900, height: 506 });
  });

  it('is the whole image when the source already has the ratio', () => {
    expect(cropBox({ width: 1920, height: 1080 }, { width: 16, height: 9 }, { x: 0.9, y: 0.1 })).toEqual({
      left: 0,
      top: 0,
      width: 1920,
      height: 1080,
    });
  });

  it('centres the crop on the focal point when the edges allow', () => {
    // Square of 1000 around x = 0.6 (960 px): 460..1460.
    expect(cropBox(source, { width: 1, height: 1 }, { x: 0.6, y: 0.5 })).toEqual({ left: 460, top: 0, width: 1000, height: 1000 });
    // 16:9 (1600×900) around y = 0.48 (480 px): 30..930.
    expect(cropBox(source, { width: 16, height: 9 }, { x: 0.5, y: 0.48 })).toEqual({ left: 0, top: 30, width: 1600, height: 900 });
  });

  it('clamps the crop at the edges when the focal point is near them', () => {
    expect(cropBox(source, { width: 1, height: 1 }, { x: 0.05, y: 0.5 }).left).toBe(0);
    expect(cropBox(source, { width: 1, height: 1 }, { x: 0.95, y: 0.5 }).left).toBe(600);
    expect(cropBox(source, { width: 1, height: 1 }, { x: 0, y: 0 }).left).toBe(0);
    expect(cropBox(source, { width: 1, height: 1 }, { x: 1, y: 1 }).left).toBe(600);
    expect(cropBox(source, { width: 16, height: 9 }, { x: 0.5, y: 0 }).top).toBe(0);
    expect(cropBox(source, { width: 16, height: 9 }, { x: 0.5, y: 1 }).top).toBe(100);
  });

  it('uses the centre for a missing, null or non-numeric focal point', () => {
    const centred = cropBox(source, { width: 1, height: 1 }, CENTRE);
    expect(cropBox(source, { width: 1, height: 1 })).toEqual(centred);
    expect(cropBox(source, { width: 1, height: 1 }, null)).toEqual(centred);
    expect(cropBox(source, { width: 1, height: 1 }, { x: Number.NaN, y: 0.5 })).toEqual(centred);
    expect(cropBox(source, { width: 1, height: 1 }, { y: 0.2 })).toEqual(centred);
  });

  it('clamps focal points outside 0..1 into the image', () => {
    expect(cropBox(source, { width: 1, height: 1 }, { x: -3, y: 0.5 }).left).toBe(0);
    expect(cropBox(source, { width: 1, height: 1 }, { x: 42, y: 0.5 }).left).toBe(600);
  });

  it('handles tiny and extreme sources without an empty box', () => {
    expect(cropBox({ width: 1, height: 1 }, { width: 16, height: 9 })).toEqual({ left: 0, top: 0, width: 1, height: 1 });
    expect(cropBox({ width: 5000, height: 1 }, { width: 1, height: 1 }, { x: 1, y: 0 })).toEqual({ left: 4999, top: 0, width: 1, height: 1 });
    expect(cropBox({ width: 1, height: 5000 }, { width: 16, height: 9 }, { x: 0, y: 0.5 })).toEqual({ left: 0, top: 2500, width: 1, height: 1 });
  });

  it('rejects sizes and ratios that are not positive whole numbers', () => {
    expect(() => cropBox({ width: 0, height: 100 }, { width: 1, height: 1 })).toThrow(RangeError);
    expect(() => cropBox({ width: 100.5, height: 100 }, { width: 1, height: 1 })).toThrow(RangeError);
    expect(() => cropBox({ width: 100, height: Number.NaN }, { width: 1, height: 1 })).toThrow(RangeError);
    expect(() => cropBox({ width: 100, height: 100 }, { width: 16, height: 0 })).toThrow(RangeError);
  });
});

describe('planRendition', () => {
  it('scales a large enough crop down to exactly 1200 × ratio', () => {
    const [wide, standard, square] = planDiscoverRenditions({ width: 1600, height: 1000 }, { x: 0.3, y: 0.4 });
    expect(wide).toMatchObject({ name: 'wide', output: { width: 1200, height: 675 }, meetsTargetWidth: true });
    expect(standard).toMatchObject({ name: 'standard', output: { width: 1200, height: 900 }, meetsTargetWidth: true });
    expect(square).toMatchObject({ name: 'square', output: { width: 1000, height: 1000 }, meetsTargetWidth: false });
  });

  it('never upscales: a narrow source keeps the crop size and says it misses the target', () => {
    const plans = planDiscoverRenditions({ width: 800, height: 600 });
    expect(plans.map((p) => [p.name, p.output, p.meetsTargetWidth])).toEqual([
      ['wide', { width: 800, height: 450 }, false],
      ['standard', { width: 800, height: 600 }, false],
      ['square', { width: 600, height: 600 }, false],
    ]);
  });

  it('keeps exactly the target width when the crop is exactly that wide', () => {
    expect(planRendition({ width: 1200, height: 675 }, DISCOVER_RENDITIONS[0])).toMatchObject({
      crop: { left: 0, top: 0, width: 1200, height: 675 },
      output: { width: 1200, height: 675 },
      meetsTargetWidth: true,
    });
  });

  it('takes any spec and rejects a non-positive width', () => {
    expect(planRendition({ width: 3000, height: 2000 }, { name: 'og', ratio: { width: 191, height: 100 }, width: 1200 }).output).toEqual({
      width: 1200,
      height: 628,
    });
    expect(() => planRendition({ width: 100, height: 100 }, { name: 'x', ratio: { width: 1, height: 1 }, width: 0 })).toThrow(RangeError);
  });
});

describe('focal points', () => {
  it('converts Strapi percent focal points (0..100) to fractions', () => {
    expect(focalPointFromStrapi({ x: 25, y: 80 })).toEqual({ x: 0.25, y: 0.8 });
    expect(focalPointFromStrapi(null)).toEqual(CENTRE);
    expect(focalPointFromStrapi(undefined)).toEqual(CENTRE);
    expect(focalPointFromStrapi({ x: '25', y: 150 })).toEqual({ x: 0.5, y: 1 });
  });

  it('normalises by clamping to 0..1 and filling the centre', () => {
    expect(normaliseFocalPoint({ x: -1, y: 2 })).toEqual({ x: 0, y: 1 });
    expect(normaliseFocalPoint({ x: Infinity })).toEqual({ x: 0.5, y: 0.5 });
  });
});

describe('properties over random sizes and focal points', () => {
  const random = rng(0x1200);
  const cases = Array.from({ length: 3000 }, (_, i) => {
    // Mostly photo-like sizes, with some tiny and some extreme ones.
    const big = () => 1 + Math.floor(random() * 6000);
    const small = () => 1 + Math.floor(random() * 40);
    const source = i % 10 === 0 ? { width: small(), height: big() } : i % 10 === 1 ? { width: big(), height: small() } : { width: big(), height: big() };
    // Include the exact corners and edges now and then.
    const coordinate = () => (i % 7 === 0 ? [0, 1][Math.floor(random() * 2)] : random());
    return { source, focal: { x: coordinate(), y: coordinate() } };
  });

  it('every crop lies in the source, contains the focal point and has the ratio within 1 px', () => {
    const failures: unknown[] = [];
    for (const { source, focal } of cases) {
      for (const ratio of RATIOS) {
        const box = cropBox(source, ratio, focal);
        const wholePixels = [box.left, box.top, box.width, box.height].every(Number.isInteger);
        const ratioOk = withinOnePixel(box, ratio) || box.width === 1 || box.height === 1;
        if (!wholePixels || !insideSource(box, source) || !containsFocal(box, source, focal) || !ratioOk) failures.push({ source, focal, ratio, box });
      }
    }
    expect(failures).toEqual([]);
  });

  it('every crop is as large as the source allows: one side is the full source side', () => {
    const failures = cases.flatMap(({ source, focal }) =>
      RATIOS.map((ratio) => ({ source, ratio, box: cropBox(source, ratio, focal) })).filter(
        ({ box }) => box.width !== source.width && box.height !== source.height,
      ),
    );
    expect(failures).toEqual([]);
  });

  it('every crop is centred on the focal point unless it touches an edge', () => {
    const failures: unknown[] = [];
    for (const { source, focal } of cases) {
      for (const ratio of RATIOS) {
        const box = cropBox(source, ratio, focal);
        const offX = Math.abs(box.left + box.width / 2 - focal.x * source.width);
        const offY = Math.abs(box.top + box.height / 2 - focal.y * source.height);
        const atEdgeX = box.left === 0 || box.left + box.width === source.width;
        const atEdgeY = box.top === 0 || box.top + box.height === source.height;
        if ((!atEdgeX && offX > 0.5) || (!atEdgeY && offY > 0.5)) failures.push({ source, focal, ratio, box });
      }
    }
    expect(failures).toEqual([]);
  });

  it('outputs never exceed the crop or the target width, and hit 1200 × ratio exactly when they can', () => {
    const failures: unknown[] = [];
    for (const { source, focal } of cases) {
      for (const plan of planDiscoverRenditions(source, focal)) {
        const { crop, output } = plan;
        const notUpscaled = output.width <= crop.width && output.height <= crop.height && output.width <= 1200;
        const exact = plan.meetsTargetWidth
          ? output.width === 1200 && output.height === (1200 * plan.ratio.height) / plan.ratio.width
          : output.width === crop.width && output.height === crop.height && crop.width < 1200;
        if (!notUpscaled || !exact) failures.push({ source, focal, plan });
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('stored renditions (formats)', () => {
  const formats = {
    thumbnail: { url: '/uploads/thumbnail_a.jpg', width: 245, height: 153 },
    discover_square: { url: '/uploads/discover_square_a.jpg', width: 1200, height: 1200, mime: 'image/jpeg', sizeInBytes: 90_000 },
    discover_wide: { url: '/uploads/discover_wide_a.jpg', width: 1200, height: 675, mime: 'image/jpeg', size: 41.5 },
    discover_standard: { url: '', width: 1200, height: 900 },
  };

  it('keys are discover_<name>', () => {
    expect(DISCOVER_RENDITIONS.map((r) => discoverFormatKey(r.name))).toEqual(['discover_wide', 'discover_standard', 'discover_square']);
    expect(isDiscoverFormatKey('discover_wide')).toBe(true);
    expect(isDiscoverFormatKey('large')).toBe(false);
  });

  it('reads them in 16:9, 4:3, 1:1 order, skipping unusable entries, bytes from sizeInBytes or size (KB)', () => {
    expect(discoverRenditionsOf(formats)).toEqual([
      { name: 'wide', url: '/uploads/discover_wide_a.jpg', width: 1200, height: 675, mime: 'image/jpeg', sizeInBytes: 41_500 },
      { name: 'square', url: '/uploads/discover_square_a.jpg', width: 1200, height: 1200, mime: 'image/jpeg', sizeInBytes: 90_000 },
    ]);
    for (const nothing of [null, undefined, 'x', {}, { discover_wide: { url: '/a.jpg', width: 0, height: 1 } }]) expect(discoverRenditionsOf(nothing)).toEqual([]);
  });

  it('the largest is the one with the most pixels', () => {
    expect(largestRendition(discoverRenditionsOf(formats))?.name).toBe('square');
    expect(largestRendition([])).toBeUndefined();
  });
});

describe('robots guidance', () => {
  it('max-image-preview is large unless set to standard or none', () => {
    expect([undefined, null, '', 'huge', 'large'].map(maxImagePreviewOf)).toEqual(['large', 'large', 'large', 'large', 'large']);
    expect(maxImagePreviewOf('standard')).toBe('standard');
    expect(maxImagePreviewOf('none')).toBe('none');
  });

  it('gives the meta robots content', () => {
    expect(robotsContent({ noIndex: false, maxImagePreview: 'large' })).toBe('index, follow, max-image-preview:large');
    expect(robotsContent({ noIndex: true, maxImagePreview: 'none' })).toBe('noindex, follow, max-image-preview:none');
  });
});

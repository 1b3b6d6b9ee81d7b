/**
 * Crop geometry for image renditions: the largest box of a given aspect ratio
 * that fits in the source, placed so the focal point is as close to its centre
 * as the image edges allow, and the size to scale that box to.
 *
 * Google Discover and Top Stories want images at least 1200 px wide in 16:9,
 * 4:3 and 1:1 (developers.google.com/search/docs/appearance/google-discover);
 * DISCOVER_RENDITIONS lists those three at 1200 px.
 *
 * Pure geometry: no sharp, no Strapi. Boxes are whole pixels in the
 * `{ left, top, width, height }` shape that sharp's `extract()` takes.
 */

/** Where the subject is, as fractions of the width and height (0..1; 0,0 = top left). */
export interface FocalPoint {
  x: number;
  y: number;
}

export const CENTRE: Readonly<FocalPoint> = Object.freeze({ x: 0.5, y: 0.5 });

export interface Size {
  width: number;
  height: number;
}

/** Aspect ratio as two whole numbers, e.g. { width: 16, height: 9 }. */
export type AspectRatio = Size;

export interface CropBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type DiscoverRenditionName = 'wide' | 'standard' | 'square';

export interface RenditionSpec<Name extends string = string> {
  name: Name;
  ratio: AspectRatio;
  /** Width of the output; a narrower crop is kept at its own width (never upscaled). */
  width: number;
}

export const DISCOVER_MIN_WIDTH = 1200;

export const DISCOVER_RENDITIONS: readonly RenditionSpec<DiscoverRenditionName>[] = Object.freeze([
  { name: 'wide', ratio: { width: 16, height: 9 }, width: DISCOVER_MIN_WIDTH },
  { name: 'standard', ratio: { width: 4, height: 3 }, width: DISCOVER_MIN_WIDTH },
  { name: 'square', ratio: { width: 1, height: 1 }, width: DISCOVER_MIN_WIDTH },
]);

export interface RenditionPlan<Name extends string = string> {
  name: Name;
  ratio: AspectRatio;
  /** The region of the source to cut out. */
  crop: CropBox;
  /** Size after scaling the crop down to the spec's width (or the crop's own size if it is narrower). */
  output: Size;
  /** False when the source is too small for the spec's width: output is then the crop itself, not upscaled. */
  meetsTargetWidth: boolean;
}

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

function assertSize(size: Size, what: string): void {
  if (!isPositiveInteger(size.width) || !isPositiveInteger(size.height)) {
    throw new RangeError(`${what} must be positive whole numbers, got ${size.width}×${size.height}`);
  }
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** A focal coordinate clamped to 0..1; anything not a finite number means the centre. */
const fraction = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? clamp(n, 0, 1) : 0.5);

/** A focal point clamped into the image; missing or non-numeric coordinates mean the centre. */
export function normaliseFocalPoint(focal?: Partial<FocalPoint> | null): FocalPoint {
  return { x: fraction(focal?.x), y: fraction(focal?.y) };
}

/**
 * Strapi's upload plugin stores `focalPoint` in percent ({ x: 0..100, y: 0..100 },
 * see its upload validation), or null when the editor never set one.
 */
export function focalPointFromStrapi(focalPoint?: { x?: unknown; y?: unknown } | null): FocalPoint {
  const percent = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n / 100 : undefined);
  return normaliseFocalPoint({ x: percent(focalPoint?.x), y: percent(focalPoint?.y) });
}

/** Start of a `size`-pixel span centred on `at`, shifted to stay within 0..limit. */
function place(at: number, size: number, limit: number): number {
  return clamp(Math.round(at - size / 2), 0, limit - size);
}

/**
 * The largest box of `ratio` inside `source` that contains the focal point,
 * centred on it where the edges allow. The box's sides are within 1 px of the
 * exact ratio (whole pixels) and never exceed the source's.
 */
export function cropBox(source: Size, ratio: AspectRatio, focal?: Partial<FocalPoint> | null): CropBox {
  assertSize(source, 'source size');
  assertSize(ratio, 'aspect ratio');
  const { x, y } = normaliseFocalPoint(focal);
  // Compare source.width/source.height with ratio.width/ratio.height without dividing.
  const sourceIsWider = source.width * ratio.height >= source.height * ratio.width;
  const width = sourceIsWider
    ? clamp(Math.round((source.height * ratio.width) / ratio.height), 1, source.width)
    : source.width;
  const height = sourceIsWider
    ? source.height
    : clamp(Math.round((source.width * ratio.height) / ratio.width), 1, source.height);
  return {
    left: place(x * source.width, width, source.width),
    top: place(y * source.height, height, source.height),
    width,
    height,
  };
}

/** The crop for one rendition and the size to scale it to (down only). */
export function planRendition<Name extends string>(
  source: Size,
  spec: RenditionSpec<Name>,
  focal?: Partial<FocalPoint> | null,
): RenditionPlan<Name> {
  if (!isPositiveInteger(spec.width)) throw new RangeError(`rendition width must be a positive whole number, got ${spec.width}`);
  const crop = cropBox(source, spec.ratio, focal);
  const meetsTargetWidth = crop.width >= spec.width;
  const output = meetsTargetWidth
    ? { width: spec.width, height: Math.max(1, Math.round((spec.width * spec.ratio.height) / spec.ratio.width)) }
    : { width: crop.width, height: crop.height };
  return { name: spec.name, ratio: { ...spec.ratio }, crop, output, meetsTargetWidth };
}

/** The three Google Discover renditions (16:9, 4:3, 1:1 at 1200 px) of an image. */
export function planDiscoverRenditions(source: Size, focal?: Partial<FocalPoint> | null): RenditionPlan<DiscoverRenditionName>[] {
  return DISCOVER_RENDITIONS.map((spec) => planRendition(source, spec, focal));
}

/**
 * The renditions are entries of the upload file's `formats` (beside Strapi's
 * thumbnail/small/medium/large/xlarge), under these keys.
 */
export const DISCOVER_FORMAT_PREFIX = 'discover_';
export const discoverFormatKey = (name: DiscoverRenditionName): string => `${DISCOVER_FORMAT_PREFIX}${name}`;
export const isDiscoverFormatKey = (key: string): boolean => key.startsWith(DISCOVER_FORMAT_PREFIX);

/** A stored rendition as the API shows it (a `formats` entry). */
export interface StoredRendition {
  name: DiscoverRenditionName;
  url: string;
  width: number;
  height: number;
  mime?: string;
  sizeInBytes?: number;
}

const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;

/**
 * The Discover renditions found in a file's `formats`, in DISCOVER_RENDITIONS
 * order (16:9, 4:3, 1:1); entries without a url or size are skipped.
 */
export function discoverRenditionsOf(formats: unknown): StoredRendition[] {
  if (!formats || typeof formats !== 'object') return [];
  const out: StoredRendition[] = [];
  for (const spec of DISCOVER_RENDITIONS) {
    const f = (formats as Record<string, Record<string, unknown> | undefined>)[discoverFormatKey(spec.name)];
    if (!f || typeof f.url !== 'string' || !f.url || !positive(f.width) || !positive(f.height)) continue;
    const bytes = positive(f.sizeInBytes) ? Math.round(f.sizeInBytes) : positive(f.size) ? Math.round(f.size * 1000) : undefined;
    out.push({ name: spec.name, url: f.url, width: f.width, height: f.height, mime: typeof f.mime === 'string' ? f.mime : undefined, sizeInBytes: bytes });
  }
  return out;
}

/** The rendition with the most pixels (the first on a tie): the one Media RSS carries. */
export function largestRendition(renditions: readonly StoredRendition[]): StoredRendition | undefined {
  return renditions.reduce<StoredRendition | undefined>((best, r) => (!best || r.width * r.height > best.width * best.height ? r : best), undefined);
}

/**
 * robots `max-image-preview`: Discover shows large images only for pages that
 * allow `large`; an editor may restrict an article whose images are licensed
 * for thumbnails only. Anything else (unset, unknown) is the default, large.
 */
export const MAX_IMAGE_PREVIEW = ['large', 'standard', 'none'] as const;
export type MaxImagePreview = (typeof MAX_IMAGE_PREVIEW)[number];

export const maxImagePreviewOf = (value: unknown): MaxImagePreview =>
  (MAX_IMAGE_PREVIEW as readonly unknown[]).includes(value) ? (value as MaxImagePreview) : 'large';

/** The content of the article page's `<meta name="robots">`. */
export function robotsContent({ noIndex, maxImagePreview }: { noIndex: boolean; maxImagePreview: MaxImagePreview }): string {
  return `${noIndex ? 'noindex' : 'index'}, follow, max-image-preview:${maxImagePreview}`;
}

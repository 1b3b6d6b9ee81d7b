/**
 * Cuts the Google Discover renditions (16:9, 4:3, 1:1 at ≤ 1200 px) out of an
 * image with sharp, using the pure geometry in src/lib/renditions.
 */
import sharp from 'sharp';
import {
  planDiscoverRenditions,
  type DiscoverRenditionName,
  type FocalPoint,
  type RenditionPlan,
} from '../../src/lib/renditions';

export interface RenderedCrop {
  plan: RenditionPlan<DiscoverRenditionName>;
  jpeg: Buffer;
}

export async function renderCrops(input: Buffer, focal?: FocalPoint | null, quality = 80): Promise<RenderedCrop[]> {
  // autoOrient: crop the image as it is shown, not as a camera stored it (EXIF orientation).
  const { autoOrient } = await sharp(input).metadata();
  const plans = planDiscoverRenditions(autoOrient, focal);
  return Promise.all(
    plans.map(async (plan) => ({
      plan,
      jpeg: await sharp(input)
        .autoOrient()
        .extract(plan.crop)
        .resize(plan.output.width, plan.output.height)
        .jpeg({ quality, mozjpeg: true })
        .toBuffer(),
    })),
  );
}

import type { Core } from '@strapi/strapi';
import { secret } from '../src/lib/secrets';
import { PREVIEW_TTL_SECONDS } from '../src/lib/preview-token';

/**
 * Signed preview links (src/lib/preview-token.ts): the HMAC key, how long a
 * link lives (tokens signed for longer are refused), and where the admin's
 * Preview button points (our own page, or the frontend's).
 */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  secret: secret(env, 'PREVIEW_SECRET', undefined, console.warn),
  ttlSeconds: env.int('PREVIEW_TTL_SECONDS', PREVIEW_TTL_SECONDS),
  frontendUrl: env('FRONTEND_URL', ''),
});

export type PreviewConfig = ReturnType<typeof config>;
export default config;

import type { Core } from '@strapi/strapi';
import { secret } from '../src/lib/secrets';
import { previewUrl } from '../src/lib/preview-token';
import type { PreviewConfig } from './preview';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const frontendUrl: string = env('FRONTEND_URL', '');
  return {
    auth: { secret: secret(env, 'ADMIN_JWT_SECRET', undefined, console.warn) },
    apiToken: { salt: secret(env, 'API_TOKEN_SALT', undefined, console.warn) },
    transfer: { token: { salt: secret(env, 'TRANSFER_TOKEN_SALT', undefined, console.warn) } },
    secrets: { encryptionKey: secret(env, 'ENCRYPTION_KEY', 'dev-only-encryption-key-32-chars!', console.warn) },
    // The content-manager's Preview button: our own signed preview page
    // (/preview/articles/…), or the frontend's when FRONTEND_URL is set (config/preview.ts).
    preview: {
      enabled: true,
      config: {
        allowedOrigins: frontendUrl ? [frontendUrl] : ["'self'"],
        handler: (uid: string, { documentId, locale, status }: { documentId: string; locale?: string; status?: string }) => {
          if (uid !== 'api::article.article' || !documentId) return null;
          const preview = strapi.config.get('preview') as PreviewConfig;
          const target = { documentId, locale: locale ?? 'ar', status: status === 'published' ? 'published' : 'draft' } as const;
          return previewUrl(target, preview.secret, preview.frontendUrl || undefined, Date.now(), preview.ttlSeconds);
        },
      },
    },
    flags: {
      nps: env.bool('FLAG_NPS', false),
      promoteEE: env.bool('FLAG_PROMOTE_EE', false),
      docLinks: env.bool('FLAG_DOC_LINKS', true),
    },
  };
};

export default config;

import type { Core } from '@strapi/strapi';
import { requireSecret } from '../src/lib/secrets';
import { previewSecret, previewUrl } from '../src/lib/preview-token';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const frontendUrl: string = env('FRONTEND_URL', '');
  return {
    auth: { secret: requireSecret('ADMIN_JWT_SECRET') },
    apiToken: { salt: requireSecret('API_TOKEN_SALT') },
    transfer: { token: { salt: requireSecret('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: requireSecret('ENCRYPTION_KEY', 'dev-only-encryption-key-32-chars!') },
    // The content-manager's Preview button: our own signed preview page
    // (/preview/articles/…), or the frontend's when FRONTEND_URL is set.
    preview: {
      enabled: true,
      config: {
        allowedOrigins: frontendUrl ? [frontendUrl] : ["'self'"],
        handler: (uid: string, { documentId, locale, status }: { documentId: string; locale?: string; status?: string }) => {
          if (uid !== 'api::article.article' || !documentId) return null;
          const target = { documentId, locale: locale ?? 'ar', status: status === 'published' ? 'published' : 'draft' } as const;
          return previewUrl(target, previewSecret(), frontendUrl || undefined);
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

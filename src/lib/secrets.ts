/**
 * The secrets a newsroom server needs, and when development defaults may
 * stand in for them. Pure: the caller passes how to read a variable (config
 * files pass Strapi's `env`), so this module never reads the environment itself.
 *
 * Defaults exist only so that `npm install && npm run develop` and `npm test`
 * work on a fresh clone without a `.env`. In any other mode — production,
 * staging, or a NODE_ENV nobody set on purpose — a missing secret stops the
 * boot, and the message names every missing one at once (fixing them one
 * restart at a time is how secrets end up in shell history).
 */
export const SECRET_NAMES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'PREVIEW_SECRET',
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

export type EnvReader = (name: string) => string | undefined;

/** Modes in which development defaults are allowed. Everything else requires real secrets. */
export const DEV_MODES = ['development', 'test'] as const;
export const allowsDevSecrets = (mode: string | undefined): boolean => (DEV_MODES as readonly string[]).includes(mode ?? '');

const isSet = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';

export const missingSecrets = (read: EnvReader): SecretName[] => SECRET_NAMES.filter((name) => !isSet(read(name)));

export class MissingSecretsError extends Error {
  constructor(readonly missing: SecretName[], mode: string | undefined) {
    super(
      `Missing required secret${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (NODE_ENV=${mode ?? '(unset)'}). ` +
        'Set them in the environment (README, "Security model"); development defaults are only used when NODE_ENV is development or test.',
    );
    this.name = 'MissingSecretsError';
  }
}

/**
 * The value of `name`; in development/test a deterministic default when unset
 * (reported once through `warn`); otherwise throws naming every missing secret.
 */
export function secret(
  read: EnvReader,
  name: SecretName,
  devDefault = `dev-only-${name.toLowerCase()}`,
  warn: (message: string) => void = () => {},
): string {
  const value = read(name);
  if (isSet(value)) return value;
  const mode = read('NODE_ENV');
  if (!allowsDevSecrets(mode)) throw new MissingSecretsError(missingSecrets(read), mode);
  if (mode !== 'test') warn(`[newsroom] ${name} is not set: using a development-only default. Never do this in production.`);
  return devDefault;
}

/** A comma-separated secret (APP_KEYS). */
export function secretList(read: EnvReader, name: SecretName, warn?: (message: string) => void): string[] {
  return secret(read, name, `dev-only-${name.toLowerCase()}-a,dev-only-${name.toLowerCase()}-b`, warn)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

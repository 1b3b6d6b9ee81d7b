/**
 * Secrets for config/*.ts. In production a missing secret is fatal; elsewhere a
 * deterministic development value is used (and announced once) so that
 * `npm install && npm run develop` works on a fresh clone without a `.env`.
 */
const warned = new Set<string>();

export const isProduction = (): boolean => process.env.NODE_ENV === 'production';

export function requireSecret(name: string, devDefault = `dev-only-${name.toLowerCase()}`): string {
  const value = process.env[name];
  if (value && value.trim() !== '') return value;
  if (isProduction()) {
    throw new Error(`Missing required secret ${name}: set it in the environment (see README, "Environment").`);
  }
  if (!warned.has(name) && process.env.NODE_ENV !== 'test') {
    warned.add(name);
    // eslint-disable-next-line no-console
    console.warn(`[newsroom] ${name} is not set: using a development-only default. Never do this in production.`);
  }
  return devDefault;
}

export function requireSecretList(name: string): string[] {
  return requireSecret(name, `dev-only-${name.toLowerCase()}-a,dev-only-${name.toLowerCase()}-b`)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

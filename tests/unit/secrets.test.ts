import { allowsDevSecrets, MissingSecretsError, missingSecrets, secret, secretList, SECRET_NAMES } from '../../src/lib/secrets';

const reader = (env: Record<string, string>) => (name: string) => env[name];
const ALL = Object.fromEntries(SECRET_NAMES.map((n) => [n, `value-of-${n}`]));

describe('secrets', () => {
  it('allows development defaults only in development and test', () => {
    expect(allowsDevSecrets('development')).toBe(true);
    expect(allowsDevSecrets('test')).toBe(true);
    for (const mode of ['production', 'staging', '', undefined]) expect(allowsDevSecrets(mode)).toBe(false);
  });

  it('returns the value when set, in any mode', () => {
    expect(secret(reader({ ...ALL, NODE_ENV: 'production' }), 'JWT_SECRET')).toBe('value-of-JWT_SECRET');
  });

  it('falls back to a development default (with a warning) in development only', () => {
    const warnings: string[] = [];
    expect(secret(reader({ NODE_ENV: 'development' }), 'JWT_SECRET', undefined, (m) => warnings.push(m))).toBe('dev-only-jwt_secret');
    expect(warnings).toHaveLength(1);
    expect(secret(reader({ NODE_ENV: 'test' }), 'JWT_SECRET', undefined, (m) => warnings.push(m))).toBe('dev-only-jwt_secret');
    expect(warnings).toHaveLength(1); // quiet in tests
  });

  it('outside development, a missing secret throws naming every missing one, not only the first', () => {
    const env = { ...ALL, NODE_ENV: 'production' } as Record<string, string>;
    delete env.PREVIEW_SECRET;
    delete env.APP_KEYS;
    env.JWT_SECRET = '   '; // blank counts as missing
    let error: unknown;
    try {
      secret(reader(env), 'ADMIN_JWT_SECRET');
      secret(reader(env), 'PREVIEW_SECRET');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MissingSecretsError);
    expect((error as MissingSecretsError).missing).toEqual(['APP_KEYS', 'JWT_SECRET', 'PREVIEW_SECRET']);
    expect((error as Error).message).toContain('NODE_ENV=production');
    expect(missingSecrets(reader(env))).toEqual(['APP_KEYS', 'JWT_SECRET', 'PREVIEW_SECRET']);
    expect(() => secret(reader({}), 'JWT_SECRET')).toThrow(/NODE_ENV=\(unset\)/);
  });

  it('splits a list secret', () => {
    expect(secretList(reader({ APP_KEYS: 'a, b,,c', NODE_ENV: 'production' }), 'APP_KEYS')).toEqual(['a', 'b', 'c']);
    expect(secretList(reader({ NODE_ENV: 'test' }), 'APP_KEYS')).toHaveLength(2);
  });
});

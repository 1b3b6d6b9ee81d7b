// Secrets and quiet defaults for every integration suite (no .env in tests).
const defaults = {
  APP_KEYS: 'test-key-a,test-key-b',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
  STRAPI_TELEMETRY_DISABLED: 'true',
  SEED_DEMO: 'false',
  RATE_LIMIT_ENABLED: 'false',
  LOG_LEVEL: 'warn',
  // The webhook dispatcher polls the database every second; suites that count queries must not see it.
  // tests/integration/partner-webhooks.test.ts turns it on.
  WEBHOOK_DISPATCH_ENABLED: 'false',
};
for (const [k, v] of Object.entries(defaults)) {
  if (process.env[k] === undefined) process.env[k] = v;
}

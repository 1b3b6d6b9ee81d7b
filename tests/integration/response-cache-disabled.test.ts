import { startStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ CACHE_ENABLED: 'false' });
});
afterAll(async () => {
  await app?.stop();
});

it('CACHE_ENABLED=false serves every request from the application', async () => {
  for (let i = 0; i < 2; i++) {
    const res = await app.http().get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers['surrogate-key']).toBeUndefined();
  }
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { affectedTopics, pingHub } from '../../src/lib/websub';

const url = (format: string, locale: string, filters: Record<string, string | undefined>) =>
  `https://api/${format}?${new URLSearchParams({ locale, ...(filters as Record<string, string>) })}`;

describe('affectedTopics', () => {
  it('lists the locale feed and each section/author/tag feed per format, without duplicates', () => {
    const topics = affectedTopics(
      [
        { locale: 'ar', section: 's', authors: ['a1', 'a2'], tags: ['t'] },
        { locale: 'ar', section: 's', authors: [], tags: [] },
      ],
      ['rss', 'json'],
      url,
    );
    expect(topics).toHaveLength(2 * 5);
    expect(topics).toContain('https://api/rss?locale=ar');
    expect(topics).toContain('https://api/json?locale=ar&author=a2');
    expect(affectedTopics([], ['rss'], url)).toEqual([]);
  });
});

describe('pingHub', () => {
  it('posts hub.mode=publish and hub.url, and reports failures and timeouts without throwing', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push(body);
        const topic = new URLSearchParams(body).get('hub.url');
        if (topic === 'slow') return; // never answers
        res.writeHead(topic === 'bad' ? 500 : 204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const results = await pingHub(hub, ['https://api/rss?locale=ar', 'bad', 'slow'], 300);
      expect(results[0]).toEqual({ topic: 'https://api/rss?locale=ar', ok: true, status: 204 });
      expect(results[1]).toMatchObject({ ok: false, status: 500 });
      expect(results[2]).toMatchObject({ ok: false, error: 'timed out after 300 ms' });
      expect(new URLSearchParams(seen[0]).get('hub.mode')).toBe('publish');
      const refused = await pingHub('http://127.0.0.1:1/', ['x'], 300);
      expect(refused[0].ok).toBe(false);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

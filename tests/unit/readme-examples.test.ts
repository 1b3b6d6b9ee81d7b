import { curlRequest, readmeExamples, shellCommands } from '../helpers/readme-examples';

const none = (name: string): string => {
  throw new Error(`unknown ${name}`);
};
const vars = { variable: (n: string) => ({ TOKEN: 't0k' })[n] ?? none(n), placeholder: (n: string) => ({ documentId: 'doc1' })[n] ?? none(n) };

describe('README examples parser', () => {
  it('reads curl commands as a shell would: quotes, continuations, comments, multi-line quoted data', () => {
    const md = [
      '```bash',
      '# a comment',
      "npm install && npm run develop   # not a request",
      "curl -G 'http://localhost:1337/api/articles' --data-urlencode 'section=سياسة' --data-urlencode 'tag=الناتو'",
      "curl -X PUT 'http://localhost:1337/api/articles/<documentId>?locale=en' \\",
      '  -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"data":{"title":"a",',
      '       "b":1}}\'',
      '```',
      '```graphql',
      '{ articles { title } }',
      '```',
    ].join('\n');
    const [list, put, gql] = readmeExamples(md, vars);
    expect(list).toMatchObject({ line: 4, method: 'GET', path: `/api/articles?section=${encodeURIComponent('سياسة')}&tag=${encodeURIComponent('الناتو')}` });
    expect(put).toMatchObject({
      line: 5,
      method: 'PUT',
      path: '/api/articles/doc1?locale=en',
      headers: { authorization: 'Bearer t0k', 'content-type': 'application/json' },
      body: '{"data":{"title":"a",\n       "b":1}}',
    });
    expect(gql).toMatchObject({ line: 10, kind: 'graphql', method: 'POST', path: '/graphql', body: JSON.stringify({ query: '{ articles { title } }' }) });
  });

  it('refuses what it cannot replay faithfully: unknown options, variables, placeholders, pipes, globbing', () => {
    expect(() => curlRequest(['curl', '--compressed', 'http://localhost:1337/api'])).toThrow(/--compressed/);
    expect(() => curlRequest(['curl', 'http://localhost:1337/api/articles?pagination[page]=2'])).toThrow(/add -g/);
    expect(curlRequest(['curl', '-g', 'http://localhost:1337/api/articles?pagination[page]=2']).path).toBe('/api/articles?pagination[page]=2');
    expect(() => curlRequest(['curl', 'https://example.com/api'])).toThrow(/localhost:1337/);
    expect(() => readmeExamples("```bash\ncurl \"http://localhost:1337/api/$NOPE\"\n```", vars)).toThrow(/unknown NOPE/);
    expect(() => readmeExamples("```bash\ncurl 'http://localhost:1337/api/<nope>'\n```", vars)).toThrow(/unknown nope/);
    expect(() => readmeExamples("```bash\ncurl 'http://localhost:1337/api' | jq .\n```", vars)).toThrow(/pipes/);
    expect(() => shellCommands("curl \"http://localhost:1337/$(printf x)\"", (n) => n)).toThrow(/command substitution/);
  });

  it('sends raw Arabic path segments as UTF-8 percent-encoding and keeps the method curl would use', () => {
    expect(curlRequest(['curl', '-i', 'http://localhost:1337/api/articles/slug/أسعار?locale=en'])).toEqual({
      method: 'GET',
      path: `/api/articles/slug/${encodeURIComponent('أسعار')}?locale=en`,
      headers: {},
    });
    expect(curlRequest(['curl', '-s', 'http://localhost:1337/graphql', '-d', '{"query":"{ a }"}'])).toMatchObject({ method: 'POST', body: '{"query":"{ a }"}' });
  });
});

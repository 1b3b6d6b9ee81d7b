import { checkPreviewToken, previewUrl, signPreviewToken, type PreviewTarget } from '../../src/lib/preview-token';

const target: PreviewTarget = { documentId: 'abc123', locale: 'ar', status: 'draft' };
const secret = 'preview-secret';
const now = Date.UTC(2030, 0, 1);

describe('preview tokens', () => {
  it('accepts a token for exactly what it was issued for, until it expires', () => {
    const token = signPreviewToken(target, secret, now, 3600);
    expect(checkPreviewToken(token, target, secret, now + 3599_000)).toBe('ok');
    expect(checkPreviewToken(token, target, secret, now + 3600_000)).toBe('expired');
  });

  it('refuses a token for another document, locale, status or secret', () => {
    const token = signPreviewToken(target, secret, now);
    expect(checkPreviewToken(token, { ...target, documentId: 'other' }, secret, now)).toBe('invalid');
    expect(checkPreviewToken(token, { ...target, locale: 'en' }, secret, now)).toBe('invalid');
    expect(checkPreviewToken(token, { ...target, status: 'published' }, secret, now)).toBe('invalid');
    expect(checkPreviewToken(token, target, 'another-secret', now)).toBe('invalid');
  });

  it('refuses a token whose expiry was pushed forward', () => {
    const [exp, sig] = signPreviewToken(target, secret, now).split('.');
    expect(checkPreviewToken(`${Number(exp) + 86400}.${sig}`, target, secret, now)).toBe('invalid');
  });

  it('refuses a validly signed token whose expiry is beyond the configured lifetime', () => {
    const yearLong = signPreviewToken(target, secret, now, 365 * 86400);
    expect(checkPreviewToken(yearLong, target, secret, now)).toBe('invalid');
    expect(checkPreviewToken(yearLong, target, secret, now, 366 * 86400)).toBe('ok');
    // A minute of clock skew between the signer and this server is tolerated.
    expect(checkPreviewToken(signPreviewToken(target, secret, now + 30_000, 3600), target, secret, now)).toBe('ok');
  });

  it('tells a missing token from garbage', () => {
    expect(checkPreviewToken(undefined, target, secret, now)).toBe('missing');
    expect(checkPreviewToken('', target, secret, now)).toBe('missing');
    expect(checkPreviewToken('nonsense', target, secret, now)).toBe('invalid');
    expect(checkPreviewToken(['a'], target, secret, now)).toBe('missing');
  });
});

describe('previewUrl', () => {
  it('points at our own page by default, with a valid token', () => {
    const url = new URL(previewUrl(target, secret, undefined, now), 'http://localhost');
    expect(url.pathname).toBe('/preview/articles/abc123');
    expect(url.searchParams.get('locale')).toBe('ar');
    expect(url.searchParams.get('status')).toBe('draft');
    expect(checkPreviewToken(url.searchParams.get('token'), target, secret, now)).toBe('ok');
  });

  it('points at the frontend when one is configured', () => {
    expect(previewUrl(target, secret, 'https://www.khaleeji247.example/', now)).toMatch(
      /^https:\/\/www\.khaleeji247\.example\/preview\/articles\/abc123\?locale=ar&status=draft&token=/,
    );
  });
});

import { contentLocaleOf, editingDirection } from '../../src/lib/text-direction';

describe('contentLocaleOf', () => {
  it('reads the content-manager locale parameter (plugins[i18n][locale], as Strapi links it)', () => {
    expect(contentLocaleOf('?plugins%5Bi18n%5D%5Blocale%5D=en')).toBe('en');
    expect(contentLocaleOf('?page=1&sort=title:ASC&plugins[i18n][locale]=en')).toBe('en');
    expect(contentLocaleOf('?plugin%5Bi18n%5D%5Blocale%5D=en')).toBe('en');
    expect(contentLocaleOf('?page=1&plugin[i18n][locale]=ar')).toBe('ar');
  });
  it('falls back to the default content locale', () => {
    expect(contentLocaleOf('')).toBe('ar');
    expect(contentLocaleOf('?page=2', 'en')).toBe('en');
  });
});

describe('editingDirection', () => {
  it('runs Arabic versions right-to-left and English left-to-right', () => {
    expect(editingDirection('ar', { name: 'title' })).toBe('rtl');
    expect(editingDirection('ar-AE')).toBe('rtl');
    expect(editingDirection('en', { name: 'title' })).toBe('ltr');
  });
  it('keeps machine text left-to-right in an Arabic version', () => {
    expect(editingDirection('ar', { type: 'url' })).toBe('ltr');
    expect(editingDirection('ar', { name: 'relatedLinks.0.url' })).toBe('ltr');
    expect(editingDirection('ar', { name: 'email' })).toBe('ltr');
    expect(editingDirection('ar', { type: 'number', name: 'position' })).toBe('ltr');
    expect(editingDirection('ar', { name: 'scheduledPublishAt' })).toBe('ltr');
    expect(editingDirection('ar', { name: 'relatedLinks.0.label' })).toBe('rtl');
    expect(editingDirection('ar', { name: 'section' })).toBe('rtl');
  });
});

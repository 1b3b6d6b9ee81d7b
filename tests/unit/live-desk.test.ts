import { liveWriteRefusal, parseDeskEntry, textToBlocks } from '../../src/lib/live-desk';

describe('the posting rule', () => {
  const base = { editor: false, assigned: false, mayPin: false, changesPin: false };
  it('editors post anywhere; a reporter only where assigned, naming coverage', () => {
    expect(liveWriteRefusal({ ...base, editor: true, mayPin: true })).toBeNull();
    expect(liveWriteRefusal({ ...base, assigned: true })).toBeNull();
    expect(liveWriteRefusal(base)).toMatchObject({ field: 'coverage', summary: expect.stringMatching(/assigned/) });
  });
  it('only who holds the pinned field changes it', () => {
    expect(liveWriteRefusal({ ...base, assigned: true, changesPin: true })).toMatchObject({ field: 'pinned' });
    expect(liveWriteRefusal({ ...base, editor: true, mayPin: true, changesPin: true })).toBeNull();
    // Not assigned comes first: the reporter learns the real obstacle.
    expect(liveWriteRefusal({ ...base, changesPin: true })).toMatchObject({ field: 'coverage' });
  });
});

describe('the form input', () => {
  it('takes title, text, isKeyEvent, pinned; an empty title is none', () => {
    expect(parseDeskEntry({ title: '  ', text: 'نص', isKeyEvent: true }, true)).toEqual({ value: { title: null, text: 'نص', isKeyEvent: true }, problems: [] });
    expect(parseDeskEntry({ title: ' عاجل ', text: 'نص' }, true).value.title).toBe('عاجل');
  });
  it('names each bad field', () => {
    const paths = (body: unknown, creating = true) => parseDeskEntry(body, creating).problems.map((p) => p.path.join('.'));
    expect(paths({})).toEqual(['text']);
    expect(paths({ text: 'x', pinned: 1, isKeyEvent: 'no', extra: 1 })).toEqual(['extra', 'isKeyEvent', 'pinned']);
    expect(paths({ text: 'x'.repeat(20_001) })).toEqual(['text']);
    expect(paths({ title: 5, text: 'x' })).toEqual(['title']);
    expect(paths(null)).toEqual(['body']);
    expect(paths({}, false)).toEqual(['body']);
    expect(paths({ pinned: false }, false)).toEqual([]);
  });
  it('text becomes a paragraph per blank-line-separated part', () => {
    expect(textToBlocks('أولاً\r\n\r\nثانياً\nتابع\n  \n')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'أولاً' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'ثانياً\nتابع' }] },
    ]);
  });
});

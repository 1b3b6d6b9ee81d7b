import { blocksToPlainText } from '../../src/lib/blocks-text';

describe('blocksToPlainText', () => {
  it('joins blocks by line and inline nodes without separators', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'عنوان' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'قال ' },
          { type: 'text', text: 'الوزير', bold: true },
          { type: 'link', url: 'https://x.example', children: [{ type: 'text', text: ' اليوم' }] },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'اقتباس' }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'أول' }] },
          { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [{ type: 'text', text: 'متداخل' }] }] },
        ],
      },
      { type: 'image', image: { url: '/x.jpg', width: 1, height: 1, alternativeText: 'بديل' }, children: [{ type: 'text', text: '' }] },
      { type: 'code', children: [{ type: 'text', text: 'x = 1' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '' }] },
    ];
    expect(blocksToPlainText(blocks)).toBe('عنوان\nقال الوزير اليوم\nاقتباس\nأول\nمتداخل\nx = 1');
  });

  it.each([[null], [undefined], ['text'], [{}], [[null, 5, { children: 'x' }, { type: 'text', text: 7 }]]])(
    'tolerates %j',
    (input) => {
      expect(blocksToPlainText(input)).toBe('');
    },
  );
});

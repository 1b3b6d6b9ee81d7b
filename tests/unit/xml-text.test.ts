import { cdata, compactCdata, stripXmlIllegal } from '../../src/lib/xml-text';

describe('stripXmlIllegal', () => {
  it('removes C0 controls (except tab, LF, CR), U+FFFE/FFFF and lone surrogates', () => {
    expect(stripXmlIllegal('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh')).toBe('abcdefgh');
    expect(stripXmlIllegal('x\uD800y\uDC00z')).toBe('xyz');
    expect(stripXmlIllegal('tab\there\nnew\rline')).toBe('tab\there\nnew\rline');
  });

  it('keeps Arabic, emoji (surrogate pairs) and private-use characters', () => {
    const s = 'خليجي ٢٤٧ 😀 \uE000 ﷺ';
    expect(stripXmlIllegal(s)).toBe(s);
  });
});

describe('cdata', () => {
  it('splits ]]> so the section cannot be closed early', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
    expect(cdata('عربي')).toBe('<![CDATA[عربي]]>');
  });
});

describe('compactCdata', () => {
  it('removes indentation between tags and CDATA sections only', () => {
    const xml = '<a>\n  <title>\n    <![CDATA[x & y]]>\n  </title>\n  <b>keep  </b>\n</a>';
    expect(compactCdata(xml)).toBe('<a>\n  <title><![CDATA[x & y]]></title>\n  <b>keep  </b>\n</a>');
  });

  it('never touches CDATA content or gaps between adjacent sections', () => {
    const xml = `<t>\n ${cdata(' <b>\n</b> ]]> ')}\n</t><u><![CDATA[x]]> <![CDATA[y]]></u>`;
    expect(compactCdata(xml)).toBe(`<t>${cdata(' <b>\n</b> ]]> ')}</t><u><![CDATA[x]]> <![CDATA[y]]></u>`);
  });

  it('leaves documents without CDATA unchanged', () => {
    const xml = '<a>\n  <b x="1"/>\n</a>';
    expect(compactCdata(xml)).toBe(xml);
  });
});

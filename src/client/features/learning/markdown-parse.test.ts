import { describe, expect, it } from 'vitest';
import { parseBlocks, parseInline, safeUrl } from './markdown-parse.ts';

describe('lesson Markdown', () => {
  it('reads headings, paragraphs and bulleted lists with bold text, as the starter courses write them', () => {
    const tree = parseBlocks(
      '## Fyra ord\n\nVälfärdsteknik ska ge **trygghet** och\n*delaktighet*.\n\n- **Trygghet:** larm\n- Aktivitet\n',
    );
    expect(tree).toEqual([
      { t: 'h', level: 2, c: [{ t: 'text', v: 'Fyra ord' }] },
      {
        t: 'p',
        c: [
          { t: 'text', v: 'Välfärdsteknik ska ge ' },
          { t: 'strong', c: [{ t: 'text', v: 'trygghet' }] },
          { t: 'text', v: ' och ' },
          { t: 'em', c: [{ t: 'text', v: 'delaktighet' }] },
          { t: 'text', v: '.' },
        ],
      },
      {
        t: 'list',
        ordered: false,
        start: 1,
        items: [
          [
            {
              t: 'p',
              c: [
                { t: 'strong', c: [{ t: 'text', v: 'Trygghet:' }] },
                { t: 'text', v: ' larm' },
              ],
            },
          ],
          [{ t: 'p', c: [{ t: 'text', v: 'Aktivitet' }] }],
        ],
      },
    ]);
  });

  it('reads numbered and nested lists, quotes, code, rules and tables', () => {
    const tree = parseBlocks(
      '3. Tre\n4. Fyra\n   - inne\n\n> Citat\n\n```\nkod <b>\n```\n\n---\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n',
    );
    expect(tree.map((b) => b.t)).toEqual(['list', 'quote', 'pre', 'hr', 'table']);
    const list = tree[0] as Extract<(typeof tree)[0], { t: 'list' }>;
    expect(list).toMatchObject({ ordered: true, start: 3 });
    expect(list.items[1]!.map((b) => b.t)).toEqual(['p', 'list']);
    expect(tree[2]).toEqual({ t: 'pre', v: 'kod <b>' });
    expect(tree[4]).toMatchObject({ align: ['left', 'right'], rows: [[[{ v: '1' }], [{ v: '2' }]]] });
  });

  it('keeps raw HTML as text and refuses unsafe link and image addresses', () => {
    expect(parseInline('<script>alert(1)</script>')).toEqual([{ t: 'text', v: '<script>alert(1)</script>' }]);
    expect(parseInline('[klicka](javascript:alert(1))')).toEqual([
      { t: 'text', v: 'klicka' },
      { t: 'text', v: ')' },
    ]);
    expect(parseInline('![bild](data:image/png;base64,xx)')).toEqual([
      { t: 'text', v: '!' },
      { t: 'text', v: 'bild' },
    ]);
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl('vbscript:x')).toBeNull();
    expect(safeUrl('https://www.socialstyrelsen.se')).toBe('https://www.socialstyrelsen.se');
    expect(safeUrl('/intyg/ABCD')).toBe('/intyg/ABCD');
    expect(safeUrl('//evil.example')).toBeNull();
  });

  it('reads links, images, code spans, autolinks, escapes and hard breaks', () => {
    expect(parseInline('Se [Socialstyrelsen](https://www.socialstyrelsen.se "SoS") nu')).toEqual([
      { t: 'text', v: 'Se ' },
      {
        t: 'link',
        href: 'https://www.socialstyrelsen.se',
        title: 'SoS',
        c: [{ t: 'text', v: 'Socialstyrelsen' }],
      },
      { t: 'text', v: ' nu' },
    ]);
    expect(parseInline('![Larm i hemmet](/bilder/larm.png)')).toEqual([
      { t: 'img', src: '/bilder/larm.png', alt: 'Larm i hemmet' },
    ]);
    expect(parseInline('`a*b*`, \\*inte\\* och snake_case_ord')).toEqual([
      { t: 'code', v: 'a*b*' },
      { t: 'text', v: ', *inte* och snake_case_ord' },
    ]);
    expect(parseInline('Läs https://example.se/a.')).toEqual([
      { t: 'text', v: 'Läs ' },
      { t: 'link', href: 'https://example.se/a', c: [{ t: 'text', v: 'https://example.se/a' }] },
      { t: 'text', v: '.' },
    ]);
    expect(parseInline('rad ett  \nrad två')).toEqual([
      { t: 'text', v: 'rad ett' },
      { t: 'br' },
      { t: 'text', v: 'rad två' },
    ]);
    expect(parseInline('2 * 3 * 4')).toEqual([{ t: 'text', v: '2 * 3 * 4' }]);
  });

  it('reads Arabic text unchanged', () => {
    expect(parseBlocks('## مرحبا\n\n**نص** عربي')).toEqual([
      { t: 'h', level: 2, c: [{ t: 'text', v: 'مرحبا' }] },
      {
        t: 'p',
        c: [
          { t: 'strong', c: [{ t: 'text', v: 'نص' }] },
          { t: 'text', v: ' عربي' },
        ],
      },
    ]);
  });
});

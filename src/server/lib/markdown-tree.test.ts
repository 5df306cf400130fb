import { describe, expect, it } from 'vitest';
import { isSafeLinkUrl, MdTree } from '../../shared/contracts/markdown-tree.ts';
import { markdownTree } from './markdown-tree.ts';

const paragraph = (markdown: string) => {
  const [first] = markdownTree(markdown);
  if (first?.type !== 'paragraph') throw new Error(`Expected a paragraph, got ${JSON.stringify(first)}`);
  return first.children;
};

describe('markdownTree', () => {
  it('keeps a link whose address has parentheses whole', () => {
    expect(paragraph('Se [Sverige](https://sv.wikipedia.org/wiki/Sverige_(olika_betydelser)) här.')).toEqual([
      { type: 'text', value: 'Se ' },
      {
        type: 'link',
        url: 'https://sv.wikipedia.org/wiki/Sverige_(olika_betydelser)',
        children: [{ type: 'text', value: 'Sverige' }],
      },
      { type: 'text', value: ' här.' },
    ]);
  });

  it('nests ***x*** as emphasis around strong, as CommonMark does', () => {
    expect(paragraph('***viktigt***')).toEqual([
      { type: 'emphasis', children: [{ type: 'strong', children: [{ type: 'text', value: 'viktigt' }] }] },
    ]);
  });

  it('decodes entities and backslash escapes', () => {
    expect(paragraph('Hälsa &amp; omsorg &copy; &#x41;&#66; &auml; \\*inte kursiv\\*')).toEqual([
      { type: 'text', value: 'Hälsa & omsorg © AB ä *inte kursiv*' },
    ]);
  });

  it('turns javascript:, data: and control-character tricks into plain text', () => {
    const sneaky = [
      '[a](javascript:alert(1))',
      '[b](JaVaScRiPt:alert(1))',
      '[c](data:text/html;base64,PHNjcmlwdD4=)',
      '[d](<\u0001javascript:alert(1)>)',
      '[e](&#1;javascript:alert(1))',
      '[f](java&#9;script:alert(1))',
      '[g](&#32;javascript:alert(1))',
      '[h](vbscript:msgbox)',
      '[i][ref]\n\n[ref]: javascript:alert(1)',
      '<javascript:alert(1)>',
    ];
    for (const text of sneaky) {
      const json = JSON.stringify(markdownTree(text));
      const urls = [...json.matchAll(/"url":"([^"]*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
      for (const url of urls) {
        // Whatever is left must be something a browser reads as an http(s) address.
        expect(new URL(url, 'https://valfardsnavet.se/').protocol, `${text} → ${url}`).toMatch(/^https?:$/);
      }
      expect(json, text).not.toMatch(/"url":"[^"]*(javascript|data|vbscript):/i);
    }
    expect(paragraph('[a](javascript:alert(1))')).toEqual([{ type: 'text', value: 'a' }]);
    expect(paragraph('[d](<\u0001javascript:alert(1)>)')).toEqual([{ type: 'text', value: 'd' }]);
  });

  it('judges addresses the way a browser reads them', () => {
    for (const ok of [
      'https://imy.se',
      'http://x.se/a?b=c#d',
      '/kurser/bild.png',
      'bild.png',
      '#avsnitt',
      '../a',
    ])
      expect(isSafeLinkUrl(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      '\u0001javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:image/png;base64,AAAA',
      'mailto:a@b.se',
      '',
    ])
      expect(isSafeLinkUrl(bad), JSON.stringify(bad)).toBe(false);
  });

  it('keeps images with their alt text, and an unsafe image as its alt text', () => {
    expect(paragraph('![Ett trygghetslarm på handleden](/bilder/larm.png "Larm")')).toEqual([
      { type: 'image', url: '/bilder/larm.png', alt: 'Ett trygghetslarm på handleden', title: 'Larm' },
    ]);
    expect(paragraph('![صورة إنذار](https://example.org/a.png)')).toEqual([
      { type: 'image', url: 'https://example.org/a.png', alt: 'صورة إنذار' },
    ]);
    expect(paragraph('![Larm](javascript:alert(1))')).toEqual([{ type: 'text', value: 'Larm' }]);
  });

  it('shows raw HTML as text', () => {
    expect(markdownTree('<script>alert(1)</script>\n\nText <b onclick="x">fet</b>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: '<script>alert(1)</script>' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Text <b onclick="x">fet</b>' }] },
    ]);
  });

  it('keeps headings, lists (tight and loose), quotes, code, breaks and rules', () => {
    const tree = markdownTree(
      '## Rubrik\n\n- ett\n- två\n\n3. tre\n\n4. fyra\n\n> citat\n\n```\nkod <b>\n```\n\nrad ett  \nrad två\n\n---',
    );
    expect(tree).toEqual([
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Rubrik' }] },
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: [
          { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'ett' }] }] },
          { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'två' }] }] },
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        spread: true,
        children: [
          { type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'tre' }] }] },
          {
            type: 'listItem',
            children: [{ type: 'paragraph', children: [{ type: 'text', value: 'fyra' }] }],
          },
        ],
      },
      {
        type: 'blockquote',
        children: [{ type: 'paragraph', children: [{ type: 'text', value: 'citat' }] }],
      },
      { type: 'code', value: 'kod <b>' },
      {
        type: 'paragraph',
        children: [{ type: 'text', value: 'rad ett' }, { type: 'break' }, { type: 'text', value: 'rad två' }],
      },
      { type: 'thematicBreak' },
    ]);
  });

  it('flattens hostile nesting and always gives a tree the contract accepts', () => {
    const deep = `${'>'.repeat(500)} djupt\n\n${'*'.repeat(300)}x${'*'.repeat(300)}\n\n${'- '.repeat(200)}lista`;
    const tree = markdownTree(deep);
    expect(() => MdTree.parse(tree)).not.toThrow();
    expect(JSON.stringify(tree)).toContain('djupt');
  });

  it('refuses an unsafe address in a tree that did not come from the parser', () => {
    const forged = [
      { type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [] }] },
    ];
    expect(MdTree.safeParse(forged).success).toBe(false);
  });
});

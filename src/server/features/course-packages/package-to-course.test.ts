import { describe, expect, it } from 'vitest';
import { freeKey, fromLangStrings, mediaTypeOf, moduleKey, slugify } from './package-to-course.ts';

describe('keys', () => {
  it('slugs Swedish text to lower-case ASCII of at most 60 characters', () => {
    expect(slugify('  Brandsäkerhet i hemtjänsten – del 2! ')).toBe('brandsakerhet-i-hemtjansten-del-2');
    expect(slugify('Ö'.repeat(100))).toHaveLength(60);
    expect(slugify(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
    expect(slugify('日本語')).toBe('');
  });

  it('gives the same identifier the same module key, and alike identifiers different ones', () => {
    const key = moduleKey('https://kurser.example.se/au/Introduktion');
    expect(key).toMatch(/^https-kurser-example-se-au-introduktion-[0-9a-f]{6}$/);
    expect(moduleKey('https://kurser.example.se/au/Introduktion')).toBe(key);
    expect(moduleKey('SCO_1')).not.toBe(moduleKey('sco-1'));
    expect(moduleKey('日本語')).toMatch(/^modul-[0-9a-f]{6}$/);
    expect(moduleKey('x'.repeat(2000))).toMatch(/^[a-z0-9-]{1,80}$/);
  });

  it('takes the first free course key', () => {
    expect(freeKey('kurs', new Set())).toBe('kurs');
    expect(freeKey('kurs', new Set(['kurs', 'kurs-2', 'kurs-4']))).toBe('kurs-3');
  });
});

describe('cmi5 langstrings', () => {
  it('puts Swedish (or the first text) under sv and keeps every language', () => {
    expect(
      fromLangStrings([
        { lang: 'en-US', text: 'Threats' },
        { lang: 'sv-SE', text: 'Hot' },
      ]),
    ).toEqual({ sv: 'Hot', 'en-US': 'Threats' });
    expect(fromLangStrings([{ lang: 'de', text: 'Gewalt' }])).toEqual({ sv: 'Gewalt', de: 'Gewalt' });
    expect(fromLangStrings([{ lang: '', text: 'Utan språk' }])).toEqual({ sv: 'Utan språk' });
    expect(fromLangStrings([{ lang: 'en', text: '  ' }])).toBeNull();
  });
});

describe('media types', () => {
  it('follow the extension, in any case, with unknown ones as bytes', () => {
    expect(mediaTypeOf('index_lms.html')).toBe('text/html');
    expect(mediaTypeOf('story_content/Bild.JPG')).toBe('image/jpeg');
    expect(mediaTypeOf('fonts/a.woff2')).toBe('font/woff2');
    expect(mediaTypeOf('old/player.swf')).toBe('application/octet-stream');
    expect(mediaTypeOf('bin/tool.exe')).toBe('application/octet-stream');
    expect(mediaTypeOf('dir.v2/README')).toBe('application/octet-stream');
    expect(mediaTypeOf('.htaccess')).toBe('application/octet-stream');
  });
});

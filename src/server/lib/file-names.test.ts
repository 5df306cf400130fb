import { parse } from 'content-disposition';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './file-names.ts';

describe('attachmentDisposition', () => {
  it('gives a Swedish name back through RFC 8187 filename* and an ASCII fallback', () => {
    const name = 'Åtgärdsplan 2026 – Dalarna.pdf';
    const header = attachmentDisposition(name, 'dokument');
    expect(header).toMatch(/^[\x20-\x7E]+$/);
    const parsed = parse(header);
    expect(parsed.type).toBe('attachment');
    expect(parsed.parameters.filename).toBe(name);
    expect(header).toContain('filename="Atgardsplan 2026 - Dalarna.pdf"');
  });

  it('keeps an ASCII name as it is, with no extended parameter', () => {
    expect(attachmentDisposition('resultat-2026-01-31.csv', 'resultat')).toBe(
      'attachment; filename="resultat-2026-01-31.csv"',
    );
  });

  it('keeps quotes, semicolons and CR/LF from breaking the header', () => {
    const header = attachmentDisposition('a"b; filename=evil.exe\r\nSet-Cookie: x=1.pdf', 'dokument');
    expect(header).not.toMatch(/[\r\n]/);
    const parsed = parse(header);
    expect(Object.keys(parsed.parameters)).toEqual(['filename']);
    expect(parsed.parameters.filename).toBe('a"b; filename=evil.exeSet-Cookie: x=1.pdf');
  });

  it('turns path separators into dashes instead of keeping only the last part', () => {
    for (const name of ['Rapport 2025/26.pdf', '..\\..\\etc\\passwd', '../../etc/passwd']) {
      const parsed = parse(attachmentDisposition(name, 'dokument'));
      expect(parsed.parameters.filename).not.toMatch(/[/\\]/);
    }
    expect(parse(attachmentDisposition('Rapport 2025/26.pdf', 'x')).parameters.filename).toBe(
      'Rapport 2025-26.pdf',
    );
  });

  it('falls back to the given name, with the extension, when nothing ASCII is left', () => {
    const header = attachmentDisposition('تقرير.pdf', 'dokument');
    expect(header).toContain('filename="dokument.pdf"');
    expect(parse(header).parameters.filename).toBe('تقرير.pdf');
    expect(parse(attachmentDisposition('\r\n', 'dokument')).parameters.filename).toBe('dokument');
  });
});

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsv, detectDelimiter, readCsvTable } from './csv-file.ts';

const columns = [
  { key: 'ref', required: true, headers: ['avtalsnummer'] },
  { key: 'value', required: false, headers: ['årligt värde', 'årligt värde (sek)'] },
  { key: 'supplier', required: false, headers: ['leverantör'] },
] as const;

describe('reading a CSV as Excel saves it', () => {
  it('decodes Windows-1252 bytes ("Årligt värde", "Ö") that are not valid UTF-8', () => {
    // Å = 0xC5, ä = 0xE4, Ö = 0xD6 in Windows-1252; alone they are not UTF-8.
    const bytes = Buffer.from([
      0xc5, 0x72, 0x6c, 0x69, 0x67, 0x74, 0x20, 0x76, 0xe4, 0x72, 0x64, 0x65, 0x3b, 0xd6, 0x0d, 0x0a,
    ]);
    expect(decodeCsv(bytes)).toEqual({ text: 'Årligt värde;Ö\r\n', encoding: 'windows-1252' });
  });

  it('decodes UTF-8 with and without the BOM Excel writes', () => {
    const text = 'Årligt värde;Ö';
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('finds the separator on the header line, ignoring quoted text', () => {
    expect(detectDelimiter('Avtalsnummer;Benämning;Leverantör')).toBe(';');
    expect(detectDelimiter('Avtalsnummer,"Benämning; lång",Leverantör')).toBe(',');
    expect(detectDelimiter('Avtalsnummer\tBenämning')).toBe('\t');
    expect(detectDelimiter('Avtalsnummer')).toBe(';');
  });

  it('maps the file’s own headers (any case, extra spaces) to columns and keeps them for messages', () => {
    const file = iconv.encode(
      'AVTALSNUMMER;Årligt  värde (SEK);Okänd\r\nA-1;"1 250 000";x\r\n;;\r\nA-2;;\r\n',
      'win1252',
    );
    const table = readCsvTable(file, columns, 'csv_missing_columns');
    expect(table.encoding).toBe('windows-1252');
    expect(table.headers).toEqual({ ref: 'AVTALSNUMMER', value: 'Årligt  värde (SEK)' });
    expect(table.rows).toEqual([
      { line: 2, cells: { ref: 'A-1', value: '1 250 000', supplier: '' } },
      { line: 4, cells: { ref: 'A-2', value: '', supplier: '' } },
    ]);
  });

  it('refuses a file without a required column or that is not CSV', () => {
    expect(() => readCsvTable(Buffer.from('Leverantör\nX\n'), columns, 'csv_missing_columns')).toThrow(
      'csv_missing_columns',
    );
    const utf16 = Buffer.from('Avtalsnummer;X\n', 'utf16le');
    expect(() => readCsvTable(utf16, columns, 'csv_missing_columns')).toThrow('csv_unreadable');
  });
});

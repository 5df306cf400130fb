import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseWholeNumber, readAllocationKey } from './funding-key-csv.ts';

const municipalities = [
  { id: '00000000-0000-4000-8000-000000002080', code: '2080', name: 'Falun' },
  { id: '00000000-0000-4000-8000-000000002081', code: '2081', name: 'Borlänge' },
  { id: '00000000-0000-4000-8000-000000002039', code: '2039', name: 'Älvdalen' },
  { id: '00000000-0000-4000-8000-000000000180', code: '0180', name: 'Stockholm' },
];
const dalarna = new Set(municipalities.filter((m) => m.code.startsWith('20')).map((m) => m.id));

describe('parseWholeNumber', () => {
  it('reads numbers as Swedish Excel writes them', () => {
    expect(parseWholeNumber('4 300')).toBe(4300);
    expect(parseWholeNumber('4\u00a0300')).toBe(4300);
    expect(parseWholeNumber('12')).toBe(12);
    expect(parseWholeNumber('-5')).toBe('negative');
    expect(parseWholeNumber('12,5')).toBe('invalid');
    expect(parseWholeNumber('många')).toBe('invalid');
  });
});

describe('readAllocationKey', () => {
  it('reads a Windows-1252 file with ; by code or name and shares the total exactly', () => {
    const csv = iconv.encode(
      'Kommun;Invånare 80+\r\nFalun;4 300\r\n2081;3 900\r\nÄlvdalen;800\r\n',
      'win1252',
    );
    const key = readAllocationKey(csv, municipalities, dalarna, 1_000_001);
    expect(key.errors).toEqual([]);
    expect(key.keyTotal).toBe(9000);
    expect(key.rows.map((r) => [r.municipality.code, r.line, r.keyValue])).toEqual([
      ['2080', 2, 4300],
      ['2081', 3, 3900],
      ['2039', 4, 800],
    ]);
    expect(key.rows.reduce((a, r) => a + r.allocatedSek, 0)).toBe(1_000_001);
  });

  it('names the row and column of each problem and computes nothing then', () => {
    const csv = Buffer.from(
      'Kommunkod,Antal 80+\n2080,-3\nOkänd stad,100\n0180,500\n2080,1\n2081,mycket\n,7\n',
      'utf8',
    );
    const key = readAllocationKey(csv, municipalities, dalarna, 1000);
    expect(key.errors.map((e) => [e.line, e.column, e.code, e.header])).toEqual([
      [2, 'keyValue', 'negative', 'Antal 80+'],
      [3, 'municipality', 'unknown_municipality', 'Kommunkod'],
      [4, 'municipality', 'municipality_outside_call', 'Kommunkod'],
      [6, 'keyValue', 'whole_number', 'Antal 80+'],
      [7, 'municipality', 'required', 'Kommunkod'],
    ]);
    // Falun's first row was wrong, so its second is not a duplicate; every share is zero while errors remain.
    expect(key.rows.every((r) => r.allocatedSek === 0)).toBe(true);
  });

  it('refuses a duplicate municipality and a file without a key column', () => {
    const dup = readAllocationKey(Buffer.from('Kommun;80+\nFalun;1\nfalun;2\n'), municipalities, dalarna, 10);
    expect(dup.errors).toMatchObject([{ line: 3, column: 'municipality', code: 'duplicate_municipality' }]);
    expect(() =>
      readAllocationKey(Buffer.from('Kommun;Antal\nFalun;1\n'), municipalities, dalarna, 10),
    ).toThrow('funding_key_columns');
  });
});

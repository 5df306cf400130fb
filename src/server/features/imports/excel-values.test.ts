import { describe, expect, it } from 'vitest';
import {
  parseExcelDate,
  parseExcelDates,
  parseExcelNumber,
  parseExtensions,
  parseMonths,
} from './excel-values.ts';

describe('dates as Swedish Excel writes them', () => {
  it('reads the default short date, a date-time cell, a compact date and day-first dates', () => {
    expect(parseExcelDate('2025-03-01')).toBe('2025-03-01');
    expect(parseExcelDate('2025-3-1')).toBe('2025-03-01');
    expect(parseExcelDate('2025-03-01 00:00')).toBe('2025-03-01');
    expect(parseExcelDate('2025-03-01 00:00:00')).toBe('2025-03-01');
    expect(parseExcelDate('20250301')).toBe('2025-03-01');
    expect(parseExcelDate('1.3.2025')).toBe('2025-03-01');
    expect(parseExcelDate('01/03/2025')).toBe('2025-03-01');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const s of ['2025-02-30', '2025-13-01', '31/12/2024x', 'mars 2025', '45717', ''])
      expect(parseExcelDate(s), s).toBeNull();
  });

  it('reads a list of decision dates however it is separated', () => {
    expect(parseExcelDates('2025-09-30, 2026-09-30')).toEqual(['2025-09-30', '2026-09-30']);
    expect(parseExcelDates('2025-09-30; 2026-09-30')).toEqual(['2025-09-30', '2026-09-30']);
    expect(parseExcelDates('2025-09-30 och 2026-09-30')).toEqual(['2025-09-30', '2026-09-30']);
    expect(parseExcelDates('2025-09-30 2026-09-30')).toEqual(['2025-09-30', '2026-09-30']);
    expect(parseExcelDates('')).toEqual([]);
    expect(parseExcelDates('2025-09-30, snart')).toEqual(['2025-09-30', null]);
  });
});

describe('amounts as Swedish Excel writes them', () => {
  it('reads spaces, no-break and narrow no-break spaces between thousands and a decimal comma', () => {
    expect(parseExcelNumber('1 250 000')).toBe(1_250_000);
    expect(parseExcelNumber('1\u00a0250\u00a0000')).toBe(1_250_000);
    expect(parseExcelNumber('1\u202f250\u202f000')).toBe(1_250_000);
    expect(parseExcelNumber('1250000,00')).toBe(1_250_000);
    expect(parseExcelNumber('1 250 000,50 kr')).toBe(1_250_000.5);
    expect(parseExcelNumber('SEK 480 000')).toBe(480_000);
    expect(parseExcelNumber('480 000:-')).toBe(480_000);
  });

  it('reads other conventions and negative numbers, and refuses what is not a number', () => {
    expect(parseExcelNumber('1.250.000')).toBe(1_250_000);
    expect(parseExcelNumber('1,250,000.00')).toBe(1_250_000);
    expect(parseExcelNumber('1250000.5')).toBe(1_250_000.5);
    expect(parseExcelNumber('-3')).toBe(-3);
    expect(parseExcelNumber('\u22123 000')).toBe(-3000);
    for (const s of ['', 'ca en miljon', '1,2,3', '12 kr 50']) expect(parseExcelNumber(s), s).toBeNull();
  });

  it('reads a notice period in whole months', () => {
    expect(parseMonths('3')).toBe(3);
    expect(parseMonths('3 mån')).toBe(3);
    expect(parseMonths('6 månader')).toBe(6);
    expect(parseMonths('3,0')).toBe(3);
    expect(parseMonths('2,5')).toBeNull();
    expect(parseMonths('tre')).toBeNull();
  });
});

describe('extension options', () => {
  it('takes the first number of "2+1+1" as the term when it matches the dates', () => {
    expect(parseExtensions('2+1+1', '2024-03-01', '2026-02-28')).toEqual({ optionMonths: [12, 12] });
    expect(parseExtensions('2 + 1 + 1 år', '2024-03-01', '2026-03-01')).toEqual({ optionMonths: [12, 12] });
    expect(parseExtensions('1+1', '2024-01-01', '2024-12-31')).toEqual({ optionMonths: [12] });
  });

  it('reads "+1+1", a lone number, a term that does not match and months as options only', () => {
    expect(parseExtensions('+1+1', '2024-03-01', '2026-02-28')).toEqual({ optionMonths: [12, 12] });
    expect(parseExtensions('1', '2024-03-01', '2026-02-28')).toEqual({ optionMonths: [12] });
    expect(parseExtensions('1+1', '2024-03-01', '2027-02-28')).toEqual({ optionMonths: [12, 12] });
    expect(parseExtensions('+6 mån+0,5', '2024-03-01', '2026-02-28')).toEqual({ optionMonths: [6, 6] });
  });

  it('reads "none" in its usual words and refuses what it cannot read', () => {
    for (const s of ['', '0', '-', 'Nej', 'ingen'])
      expect(parseExtensions(s, null, null), s).toEqual({ optionMonths: [] });
    for (const s of ['2+x', 'två år', '+', '1++1'])
      expect(parseExtensions(s, null, null), s).toEqual({ error: 'invalid_extensions' });
  });
});

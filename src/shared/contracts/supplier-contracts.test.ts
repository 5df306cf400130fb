import { describe, expect, it } from 'vitest';
import { addMonths, ContractInput, extendedEnds, finalEnd, UpdateContract } from './supplier-contracts.ts';

const base = {
  supplierId: '00000000-0000-4000-8000-000000000001',
  title: 'Trygghetslarm',
  procurementForm: 'own',
  startsOn: '2024-01-01',
  endsOn: '2025-12-31',
  annualValueSek: 100_000,
};

const paths = (input: unknown) => {
  const r = ContractInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('contract dates', () => {
  it('adds months and keeps the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-12-31', 12)).toBe('2026-12-31');
    expect(addMonths('2025-06-15', -3)).toBe('2025-03-15');
  });

  it('counts the end each open option extends and the final end', () => {
    const ext = [
      { months: 12, status: 'exercised' as const },
      { months: 12, status: 'open' as const },
      { months: 6, status: 'open' as const },
    ];
    expect(extendedEnds('2025-12-31', ext)).toEqual([null, '2025-12-31', '2026-12-31']);
    expect(finalEnd('2025-12-31', ext)).toBe('2027-06-30');
  });
});

describe('ContractInput', () => {
  it('takes a contract with 2 + 1 + 1 options', () => {
    expect(
      paths({
        ...base,
        extensions: [
          { months: 12, decideBy: '2025-06-30' },
          { months: 12, decideBy: '2026-06-30' },
        ],
      }),
    ).toEqual([]);
  });

  it('names endsOn when the end is before the start', () => {
    expect(paths({ ...base, endsOn: '2023-12-31' })).toEqual(['endsOn:ends_before_start']);
  });

  it('names the option decided after the end it extends', () => {
    expect(
      paths({
        ...base,
        extensions: [
          { months: 12, decideBy: '2025-06-30' },
          { months: 12, decideBy: '2027-01-15' },
        ],
      }),
    ).toEqual(['extensions.1.decideBy:extension_decided_after_end']);
    expect(paths({ ...base, extensions: [{ months: 12, decideBy: '2026-01-01' }] })).toEqual([
      'extensions.0.decideBy:extension_decided_after_end',
    ]);
  });

  it('does not check options already used or declined', () => {
    expect(
      paths({ ...base, extensions: [{ months: 12, decideBy: '2030-01-01', status: 'exercised' }] }),
    ).toEqual([]);
  });

  it('refuses a negative value, a fractional value and an unknown form', () => {
    expect(paths({ ...base, annualValueSek: -1 })[0]).toMatch(/^annualValueSek:/);
    expect(paths({ ...base, annualValueSek: 1.5 })[0]).toMatch(/^annualValueSek:/);
    expect(paths({ ...base, procurementForm: 'handshake' })[0]).toMatch(/^procurementForm:/);
  });

  it('asks a change for its version and keeps the same rules', () => {
    expect(UpdateContract.safeParse(base).error?.issues.map((i) => i.path.join('.'))).toEqual(['version']);
    const r = UpdateContract.safeParse({ ...base, version: 3, endsOn: '2023-01-01' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['endsOn']);
  });
});

import { describe, expect, it } from 'vitest';
import { decisionBand, startProcurementUrl } from '../../../shared/contracts/contract-radar.ts';
import { dueAlert, endingWindows, nextDecision, plannedWithoutContract } from './radar-logic.ts';

const TODAY = '2026-12-07';

describe('nextDecision', () => {
  it('takes the earliest open option whose decision date has not passed', () => {
    expect(
      nextDecision(
        {
          endsOn: '2027-12-31',
          noticeMonths: 6,
          extensions: [
            { decideBy: '2027-06-30', status: 'open' },
            { decideBy: '2028-06-30', status: 'open' },
          ],
        },
        TODAY,
      ),
    ).toEqual({ on: '2027-06-30', kind: 'extension', extensionsRemaining: 2 });
  });

  it('skips a passed option and counts only those left', () => {
    expect(
      nextDecision(
        {
          endsOn: '2027-12-31',
          noticeMonths: 3,
          extensions: [
            { decideBy: '2026-11-30', status: 'open' },
            { decideBy: '2027-09-30', status: 'open' },
          ],
        },
        TODAY,
      ),
    ).toEqual({ on: '2027-09-30', kind: 'extension', extensionsRemaining: 1 });
  });

  it('an option decided today is still open', () => {
    const d = nextDecision(
      { endsOn: '2027-06-30', noticeMonths: 3, extensions: [{ decideBy: TODAY, status: 'open' }] },
      TODAY,
    );
    expect(d).toEqual({ on: TODAY, kind: 'extension', extensionsRemaining: 1 });
  });

  it('ignores exercised and declined options: the decision is the notice before the end', () => {
    expect(
      nextDecision(
        {
          endsOn: '2028-03-31',
          noticeMonths: 6,
          extensions: [
            { decideBy: '2027-03-31', status: 'exercised' },
            { decideBy: '2027-09-30', status: 'declined' },
          ],
        },
        TODAY,
      ),
    ).toEqual({ on: '2027-09-30', kind: 'notice', extensionsRemaining: 0 });
  });

  it('without a notice period the decision is the end date itself', () => {
    expect(nextDecision({ endsOn: '2027-05-31', noticeMonths: null, extensions: [] }, TODAY)).toEqual({
      on: '2027-05-31',
      kind: 'notice',
      extensionsRemaining: 0,
    });
    expect(nextDecision({ endsOn: '2027-05-31', noticeMonths: 0, extensions: [] }, TODAY).on).toBe(
      '2027-05-31',
    );
  });

  it('counts the notice in calendar months (31 August − 6 months is 28 February)', () => {
    expect(nextDecision({ endsOn: '2027-08-31', noticeMonths: 6, extensions: [] }, TODAY).on).toBe(
      '2027-02-28',
    );
  });

  it('gives a notice day that has passed as it is (the radar shows it as passed)', () => {
    const d = nextDecision({ endsOn: '2027-02-28', noticeMonths: 6, extensions: [] }, TODAY);
    expect(d.on).toBe('2026-08-28');
    expect(decisionBand(d.on, TODAY)).toBe('passed');
  });
});

describe('endingWindows', () => {
  it('puts contracts ending exactly 18 months apart in one window', () => {
    expect(
      endingWindows(
        [
          { municipalityId: 'a', endsOn: '2027-01-31' },
          { municipalityId: 'b', endsOn: '2028-07-31' },
        ],
        18,
      ),
    ).toEqual([{ from: '2027-01-31', to: '2028-07-31', municipalityIds: ['a', 'b'] }]);
  });

  it('keeps contracts one day more than 18 months apart apart', () => {
    expect(
      endingWindows(
        [
          { municipalityId: 'a', endsOn: '2027-01-31' },
          { municipalityId: 'b', endsOn: '2028-08-01' },
        ],
        18,
      ),
    ).toEqual([]);
  });

  it('starts at the earliest end and moves on when a start gathers one municipality only', () => {
    const windows = endingWindows(
      [
        { municipalityId: 'c', endsOn: '2029-03-01' },
        { municipalityId: 'a', endsOn: '2027-01-01' },
        { municipalityId: 'a', endsOn: '2028-06-01' },
        { municipalityId: 'b', endsOn: '2028-11-01' },
      ],
      18,
    );
    // a (2027-01) alone, then a (2028-06), b and c within 18 months of 2028-06.
    expect(windows).toEqual([{ from: '2028-06-01', to: '2029-03-01', municipalityIds: ['a', 'b', 'c'] }]);
  });

  it('gives separate windows for separate clusters and is stable under reordering', () => {
    const endings = [
      { municipalityId: 'a', endsOn: '2027-03-31' },
      { municipalityId: 'b', endsOn: '2027-12-31' },
      { municipalityId: 'c', endsOn: '2030-01-31' },
      { municipalityId: 'd', endsOn: '2030-02-28' },
    ];
    const expected = [
      { from: '2027-03-31', to: '2027-12-31', municipalityIds: ['a', 'b'] },
      { from: '2030-01-31', to: '2030-02-28', municipalityIds: ['c', 'd'] },
    ];
    expect(endingWindows(endings, 18)).toEqual(expected);
    expect(endingWindows([...endings].reverse(), 18)).toEqual(expected);
  });

  it('needs two municipalities: two contracts of one are no opportunity', () => {
    expect(
      endingWindows(
        [
          { municipalityId: 'a', endsOn: '2027-03-31' },
          { municipalityId: 'a', endsOn: '2027-04-30' },
        ],
        18,
      ),
    ).toEqual([]);
  });
});

describe('plannedWithoutContract', () => {
  it('lists the planning municipalities without a contract when two or more remain', () => {
    expect(plannedWithoutContract(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c']);
    expect(plannedWithoutContract(['a', 'b'], new Set(['b']))).toBeNull();
    expect(plannedWithoutContract(['a', 'a'], new Set())).toBeNull();
  });
});

describe('dueAlert', () => {
  const leads = [12, 6, 3];
  it('is due from the day 12, 6 and 3 months before, the shortest reached', () => {
    expect(dueAlert('2027-12-08', TODAY, leads)).toBeNull();
    expect(dueAlert('2027-12-07', TODAY, leads)).toBe(12);
    expect(dueAlert('2027-06-07', TODAY, leads)).toBe(6);
    expect(dueAlert('2027-05-01', TODAY, leads)).toBe(6);
    expect(dueAlert('2027-03-07', TODAY, leads)).toBe(3);
    expect(dueAlert(TODAY, TODAY, leads)).toBe(3);
  });
  it('is never due once the decision day has passed', () => {
    expect(dueAlert('2026-12-06', TODAY, leads)).toBeNull();
  });
});

describe('decisionBand and the procurement link', () => {
  it('bands by the alerts’ lead times', () => {
    expect(decisionBand(null, TODAY)).toBe('none');
    expect(decisionBand('2027-03-07', TODAY)).toBe('within3');
    expect(decisionBand('2027-03-08', TODAY)).toBe('within6');
    expect(decisionBand('2027-12-07', TODAY)).toBe('within12');
    expect(decisionBand('2027-12-08', TODAY)).toBe('later');
  });
  it('links to the joint-procurement form with the technology and the municipalities', () => {
    expect(startProcurementUrl('digital-safety-alarm', ['2080', '2081'])).toBe(
      '/upphandlingar/ny?teknik=digital-safety-alarm&kommuner=2080,2081',
    );
  });
});

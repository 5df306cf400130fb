import type { TFunction } from 'i18next';
import {
  type AdoptionMap,
  type AdoptionStatus,
  adoptionStatuses,
  type MapMeasure,
} from '../../../shared/contracts/mapping.ts';

type Row = AdoptionMap['municipalities'][number];

/** One colour class of the map, with the words the legend and the data table use for it. */
export interface Band {
  key: string;
  fill: string;
  label: string;
}

/** Same hues as the matrix cells, so that a status looks the same in both views. */
const statusFill: Record<AdoptionStatus, string> = {
  in_operation: '#7cc48f',
  piloting: '#8fb8ea',
  planned: '#f2cf7e',
  discontinued: '#e49a9a',
  not_planned: '#d4d4d4',
  not_relevant: '#ececec',
};
const noDataFill = '#ffffff';

const countBands = [
  { from: 0, to: 0, fill: '#eef6f0' },
  { from: 1, to: 3, fill: '#c6e4ce' },
  { from: 4, to: 6, fill: '#8fc9a0' },
  { from: 7, to: 9, fill: '#4f9f69' },
  { from: 10, to: 99, fill: '#23643a' },
];
const rateBands = [
  { from: 0, to: 19, fill: '#eaf1fb' },
  { from: 20, to: 39, fill: '#c3d7f3' },
  { from: 40, to: 59, fill: '#8fb5e6' },
  { from: 60, to: 79, fill: '#4f86cf' },
  { from: 80, to: 100, fill: '#1f4f94' },
];

/** Every class a measure can show, in legend order. */
export function bandsOf(measure: MapMeasure, t: TFunction): Band[] {
  const noData = { key: 'none', fill: noDataFill, label: t('mapping.map.noData') };
  if (measure === 'status') {
    return [
      ...adoptionStatuses.map((s) => ({ key: s, fill: statusFill[s], label: t(`mapping.status.${s}`) })),
      noData,
    ];
  }
  if (measure === 'inOperation') {
    return countBands.map((b) => ({
      key: `n${b.from}`,
      fill: b.fill,
      label:
        b.from === b.to
          ? t('mapping.map.technologies', { count: b.from })
          : b.to === 99
            ? `${b.from}+`
            : t('mapping.map.bandTechnologies', { from: b.from, to: b.to }),
    }));
  }
  return [
    ...rateBands.map((b) => ({
      key: `r${b.from}`,
      fill: b.fill,
      label: t('mapping.map.bandPercent', { from: b.from, to: b.to }),
    })),
    noData,
  ];
}

/** The class a municipality falls in, and its value in words for the table and the area's title. */
export function bandOf(measure: MapMeasure, row: Row, t: TFunction): { key: string; value: string } {
  if (measure === 'status') {
    return row.status
      ? { key: row.status, value: t(`mapping.status.${row.status}`) }
      : { key: 'none', value: t('mapping.map.noData') };
  }
  if (measure === 'inOperation') {
    const band = countBands.find((b) => row.inOperation >= b.from && row.inOperation <= b.to)!;
    return { key: `n${band.from}`, value: t('mapping.map.technologies', { count: row.inOperation }) };
  }
  if (row.useRate === null) return { key: 'none', value: t('mapping.map.noData') };
  const percent = Math.round(row.useRate * 100);
  const band = rateBands.find((b) => percent >= b.from && percent <= b.to)!;
  return {
    key: `r${band.from}`,
    value: t('mapping.map.useOf', { served: row.usersServed, eligible: row.eligibleUsers, percent }),
  };
}

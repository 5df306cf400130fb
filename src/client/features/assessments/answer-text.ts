import type { TFunction } from 'i18next';
import type { AnswerValue, Question } from '../../../shared/contracts/assessments.ts';
import { localised } from './data.ts';

/** An answer in words, for the conflict message ("Their answer: Level 3: …"). */
export function answerText(q: Question, value: AnswerValue | null, t: TFunction, lang: string): string {
  if (!value) return t('assessments.sheet.noAnswer');
  const label = (key: string) => {
    const o = q.options?.find((x) => x.key === key);
    return o ? localised(o.label, lang) : key;
  };
  if ('level' in value) {
    const d = q.levels?.[value.level - 1];
    return t('assessments.sheet.level', { level: value.level, text: d ? localised(d, lang) : '' });
  }
  if ('status' in value) return t(`assessments.statuses.${value.status}`);
  if ('option' in value) return label(value.option);
  if ('options' in value) return value.options.map(label).join(', ');
  if ('order' in value) return value.order.map((k, i) => `${i + 1}. ${label(k)}`).join(', ');
  if ('number' in value) return String(value.number);
  return value.text;
}

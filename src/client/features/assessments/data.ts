import type { Localised } from '../../../shared/contracts/assessments.ts';

export const roundsKey = ['assessment-rounds'] as const;
export const roundKey = (id: string) => ['assessment-rounds', id] as const;
export const sheetKey = (id: string, code: string) => ['assessment-rounds', id, 'sheets', code] as const;

/** The Swedish or English text of template content, following the UI language. */
export const localised = (text: Localised, lang: string) => (lang.startsWith('en') ? text.en : text.sv);

export const formatDate = (iso: string, lang: string) =>
  new Date(iso).toLocaleDateString(lang.startsWith('en') ? 'en-GB' : 'sv-SE', {
    timeZone: 'Europe/Stockholm',
  });

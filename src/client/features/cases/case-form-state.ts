import type { CaseFields, CaseView } from '../../../shared/contracts/cases.ts';
import { parseNumber } from '../../lib/format.ts';

/** The form's values as typed (strings), and the conversion to the contract's fields. */
export interface CaseFormValues {
  title: string;
  summary: string;
  context: string;
  sizeBand: string;
  serviceArea: string;
  phaseReached: string;
  whatWasDone: string;
  results: string;
  lessons: string;
  costs: string;
  costSek: string;
  technologyKeys: string[];
  contactName: string;
  contactTitle: string;
  contactEmail: string;
  contactPhone: string;
  contactConsent: boolean;
  initiativeId: string;
  indicatorIds: string[];
}

export const emptyCase: CaseFormValues = {
  title: '',
  summary: '',
  context: '',
  sizeBand: '',
  serviceArea: '',
  phaseReached: 'try_out',
  whatWasDone: '',
  results: '',
  lessons: '',
  costs: '',
  costSek: '',
  technologyKeys: [],
  contactName: '',
  contactTitle: '',
  contactEmail: '',
  contactPhone: '',
  contactConsent: false,
  initiativeId: '',
  indicatorIds: [],
};

export function valuesOf(c: CaseView): CaseFormValues {
  return {
    title: c.title,
    summary: c.summary,
    context: c.context ?? '',
    sizeBand: c.sizeBand ?? '',
    serviceArea: c.serviceArea ?? '',
    phaseReached: c.phaseReached,
    whatWasDone: c.whatWasDone ?? '',
    results: c.results ?? '',
    lessons: c.lessons ?? '',
    costs: c.costs ?? '',
    costSek: c.costSek === null ? '' : String(c.costSek),
    technologyKeys: c.technologies.map((t) => t.key),
    contactName: c.editor?.contactName ?? '',
    contactTitle: c.editor?.contactTitle ?? '',
    contactEmail: c.editor?.contactEmail ?? '',
    contactPhone: c.editor?.contactPhone ?? '',
    contactConsent: c.editor?.contactConsent ?? false,
    initiativeId: c.editor?.initiativeId ?? '',
    indicatorIds: c.editor?.indicatorIds ?? [],
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body for the API. */
export function fieldsOf(v: CaseFormValues): CaseFields {
  const cost = parseNumber(v.costSek);
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    context: orNull(v.context),
    sizeBand: (v.sizeBand || null) as CaseFields['sizeBand'],
    serviceArea: (v.serviceArea || null) as CaseFields['serviceArea'],
    phaseReached: v.phaseReached as CaseFields['phaseReached'],
    whatWasDone: orNull(v.whatWasDone),
    results: orNull(v.results),
    lessons: orNull(v.lessons),
    costs: orNull(v.costs),
    costSek: Number.isNaN(cost) ? null : cost,
    technologyKeys: v.technologyKeys,
    indicatorIds: v.indicatorIds,
    initiativeId: v.initiativeId || null,
    contactName: orNull(v.contactName),
    contactTitle: orNull(v.contactTitle),
    contactEmail: orNull(v.contactEmail),
    contactPhone: orNull(v.contactPhone),
    contactConsent: v.contactConsent,
  };
}

/** Checks made before sending (the server checks the same and more). */
export function clientErrors(
  v: CaseFormValues,
  t: (k: string) => string,
  required: string,
): Record<string, string> {
  const e: Record<string, string> = {};
  if (v.title.trim().length < 3) e.title = required;
  if (v.summary.trim().length < 10) e.summary = required;
  if (v.technologyKeys.length === 0) e.technologyKeys = t('cases.form.chooseTechnology');
  const cost = parseNumber(v.costSek);
  if (v.costSek.trim() && (Number.isNaN(cost) || !Number.isInteger(cost) || cost < 0))
    e.costSek = t('cases.form.costInvalid');
  if (v.contactConsent && !v.contactName.trim()) e.contactName = t('cases.fields.consentNeedsName');
  if (v.contactConsent && !v.contactEmail.trim()) e.contactEmail = t('cases.fields.consentNeedsEmail');
  return e;
}

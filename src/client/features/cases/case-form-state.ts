import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type CaseFields, type CaseView, CreateCase } from '../../../shared/contracts/cases.ts';
import { type ContractForm, useContractForm } from '../../components/form/index.ts';

/**
 * The case form's values are the contract's own (CreateCase): the browser checks them with the same
 * schema as the server, so there is no second, hand-written set of rules to drift.
 */
export type CaseFormValues = z.input<typeof CreateCase>;
export type CaseFormParsed = z.output<typeof CreateCase>;
export type CaseForm = ContractForm<typeof CreateCase>;

export function emptyCase(municipalityCode: string): CaseFormValues {
  return {
    municipalityCode,
    title: '',
    summary: '',
    context: null,
    sizeBand: null,
    serviceArea: null,
    phaseReached: 'try_out',
    whatWasDone: null,
    results: null,
    lessons: null,
    costs: null,
    costSek: null,
    technologyKeys: [],
    contactName: null,
    contactTitle: null,
    contactEmail: null,
    contactPhone: null,
    contactConsent: false,
    initiativeId: null,
    indicatorIds: [],
  };
}

export function valuesOf(c: CaseView): CaseFormValues {
  return {
    municipalityCode: c.municipality.code,
    title: c.title,
    summary: c.summary,
    context: c.context,
    sizeBand: c.sizeBand,
    serviceArea: c.serviceArea,
    phaseReached: c.phaseReached,
    whatWasDone: c.whatWasDone,
    results: c.results,
    lessons: c.lessons,
    costs: c.costs,
    costSek: c.costSek,
    technologyKeys: c.technologies.map((t) => t.key),
    contactName: c.editor?.contactName ?? null,
    contactTitle: c.editor?.contactTitle ?? null,
    contactEmail: c.editor?.contactEmail ?? null,
    contactPhone: c.editor?.contactPhone ?? null,
    contactConsent: c.editor?.contactConsent ?? false,
    initiativeId: c.editor?.initiativeId ?? null,
    indicatorIds: c.editor?.indicatorIds ?? [],
  };
}

/** The body of a change (the municipality never changes); an empty text is stored as no text. */
export function fieldsOf({ municipalityCode: _, ...v }: CaseFormParsed): CaseFields {
  const blank = (s: string | null | undefined) => (s ? s : null);
  return {
    ...v,
    context: blank(v.context),
    whatWasDone: blank(v.whatWasDone),
    results: blank(v.results),
    lessons: blank(v.lessons),
    costs: blank(v.costs),
    contactName: blank(v.contactName),
    contactTitle: blank(v.contactTitle),
    contactPhone: blank(v.contactPhone),
  };
}

/** The long texts a draft saves by itself while they are written. */
export const longTexts = ['summary', 'context', 'whatWasDone', 'results', 'lessons', 'costs'] as const;

/** The case form over the CreateCase contract; every message names its field by these labels. */
export function useCaseForm(
  initial: CaseFormValues,
  onSubmit: (values: CaseFormParsed) => Promise<string | undefined>,
): CaseForm {
  const { t } = useTranslation();
  const labels = useMemo(
    () => ({
      municipalityCode: t('cases.fields.municipality'),
      title: t('cases.fields.title'),
      summary: t('cases.fields.summary'),
      context: t('cases.fields.context'),
      sizeBand: t('cases.fields.sizeBand'),
      serviceArea: t('cases.fields.serviceArea'),
      phaseReached: t('cases.fields.phaseReached'),
      whatWasDone: t('cases.fields.whatWasDone'),
      results: t('cases.fields.results'),
      lessons: t('cases.fields.lessons'),
      costs: t('cases.fields.costs'),
      costSek: t('cases.fields.costSek'),
      technologyKeys: t('cases.fields.technologies'),
      initiativeId: t('cases.fields.initiative'),
      indicatorIds: t('cases.fields.indicators'),
      contactName: t('cases.fields.contactNameFull'),
      contactTitle: t('cases.fields.contactTitleFull'),
      contactEmail: t('cases.fields.contactEmailFull'),
      contactPhone: t('cases.fields.contactPhoneFull'),
      contactConsent: t('cases.fields.consent'),
    }),
    [t],
  );
  return useContractForm(CreateCase, { id: 'case', defaultValues: initial, labels, onSubmit });
}

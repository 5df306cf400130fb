import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type BoundForm, ContractTextAreaField, ContractTextField } from '../../components/form/index.ts';

/** The fields of one version of a term, in the new-term and the new-version forms alike. */
type VersionShape = { termSv: string; termEn: string; bodySv: string; bodyEn: string; agreedNote?: string };

export const versionLabels = (t: (key: string) => string) => ({
  termSv: t('definitions.fields.termSv'),
  bodySv: t('definitions.fields.bodySv'),
  termEn: t('definitions.fields.termEn'),
  bodyEn: t('definitions.fields.bodyEn'),
  agreedNote: t('definitions.fields.agreedNote'),
});

/** Term and definition in both languages and where it was agreed: one version of a term. */
export function DefinitionFields<T extends FieldValues & VersionShape>({ cf }: { cf: BoundForm<T> }) {
  const { t } = useTranslation();
  const name = (f: keyof VersionShape) => f as Path<T>;
  return (
    <>
      <ContractTextField cf={cf} name={name('termSv')} required lang="sv" />
      <ContractTextAreaField cf={cf} name={name('bodySv')} required lang="sv" />
      <ContractTextField cf={cf} name={name('termEn')} required lang="en" />
      <ContractTextAreaField cf={cf} name={name('bodyEn')} required lang="en" />
      <ContractTextField cf={cf} name={name('agreedNote')} hint={t('definitions.fields.agreedNoteHint')} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { type DraftContent, missingTranslations } from '../../../shared/contracts/authoring.ts';
import { ContentLanguage, PLAIN_SWEDISH } from '../../../shared/contracts/course-content.ts';
import { ChoiceInput, SelectField } from '../../components/Form.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import type { Edit } from './draft-edit.ts';
import { languageName } from './editor-fields.tsx';

/** A language to add: checked by the same contract as the draft's `languages`. */
const AddLanguage = z.object({ code: ContentLanguage });

/** Which language is being edited, which the course declares, and adding another. */
export function LanguagesEditor({
  content,
  lang,
  setLang,
  edit,
}: {
  content: DraftContent;
  lang: string;
  setLang: (lang: string) => void;
  edit: Edit;
}) {
  const { t } = useTranslation();
  const languageChoices = [...new Set(['sv', PLAIN_SWEDISH, 'en', ...content.languages])];
  const missingCount = (l: string) => missingTranslations(content, [l]).length;
  const state = (l: string) =>
    missingCount(l) ? t('authoring.missingIn', { count: missingCount(l) }) : t('authoring.complete');
  const add = useContractForm(AddLanguage, {
    id: 'new-language',
    defaultValues: { code: '' },
    labels: { code: t('authoring.addLanguage') },
    onSubmit: async ({ code }) => {
      edit((d) => {
        if (!d.languages.includes(code)) d.languages.push(code);
      });
      setLang(code);
      add.form.reset({ code: '' });
    },
  });

  return (
    <Section title={t('authoring.languages')} id="authoring-languages">
      <SelectField
        id="edit-language"
        label={t('authoring.editLanguage')}
        value={lang}
        onValueChange={setLang}
        options={languageChoices.map((l) => ({ value: l, label: `${languageName(l, t)} — ${state(l)}` }))}
      />
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-label" data-weight="medium">
          {t('authoring.declared')}
        </legend>
        <div className="field-hint">{t('authoring.declaredHint')}</div>
        {languageChoices.map((l) => (
          <ChoiceInput
            key={l}
            type="checkbox"
            id={`declared-${l}`}
            label={`${languageName(l, t)} (${state(l)})`}
            checked={content.languages.includes(l)}
            disabled={l === 'sv'}
            onChange={(e) => {
              const on = e.target.checked;
              edit((d) => {
                d.languages = on ? [...d.languages, l] : d.languages.filter((x) => x !== l);
              });
            }}
          />
        ))}
      </fieldset>
      <form className="add-language" noValidate onSubmit={add.onSubmit}>
        {add.summary}
        <div className="inline-row">
          <ContractTextField
            cf={add}
            name="code"
            hint={t('authoring.addLanguageHint')}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" className="ds-button" data-variant="secondary">
            {t('authoring.addLanguageButton')}
          </button>
        </div>
      </form>
    </Section>
  );
}

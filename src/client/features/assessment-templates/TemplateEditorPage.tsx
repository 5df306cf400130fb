import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CreateTemplate, TemplateContent, TemplateDetails } from '../../../shared/contracts/assessments.ts';
import type { MembershipView } from '../../../shared/contracts/people.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import {
  type FieldErrors,
  SelectField,
  SubmitButton,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
import { neighbourOf } from '../../components/ListItemButtons.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { localised } from '../assessments/data.ts';
import { type Fields, PairFields } from './PairFields.tsx';
import { SectionEditor } from './SectionEditor.tsx';
import {
  type DraftContent,
  emptyDraft,
  emptySection,
  fromContent,
  move,
  removeAt,
  replaceAt,
  toContent,
} from './template-draft.ts';
import { contentErrors, messageOf, placed } from './template-errors.ts';
import { templateKey, templateOwners, templatesKey, useTemplate, useTemplates } from './templates-data.ts';

const MAX_SECTIONS = 20;

/** `/bedomningar/mallar/ny` writes a new template; `/bedomningar/mallar/:id/redigera` edits the draft. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const template = useTemplate(id);
  const title = (tpl?: TemplateDetails) =>
    tpl
      ? t('assessmentTemplates.editor.editTitle', { name: localised(tpl.name, i18n.language) })
      : t('assessmentTemplates.editor.newTitle');

  if (me.isPending || (id && template.isPending))
    return (
      <Page title={title()}>
        <Loading />
      </Page>
    );
  if (id && template.isError)
    return <QueryFailure error={template.error} onRetry={() => void template.refetch()} />;
  const tpl = id ? template.data : undefined;
  const owners = templateOwners(me.data);
  const content = tpl ? (tpl.draft ?? tpl.latest) : null;
  if ((tpl && !tpl.canEdit) || (!tpl && owners.length === 0))
    return (
      <Page title={title(tpl)}>
        <p className="ds-paragraph">
          {t(tpl ? 'assessmentTemplates.editor.cannotEdit' : 'assessmentTemplates.editor.noOwner')}
        </p>
      </Page>
    );
  return (
    <Page title={title(tpl)} lead={t('assessmentTemplates.editor.lead')}>
      <TemplateForm template={tpl} owners={owners} initial={content ? fromContent(content) : emptyDraft()} />
    </Page>
  );
}

/** Copies the latest version of another template into the new one. */
function StartFrom({ onPick }: { onPick: (d: DraftContent) => void }) {
  const { t, i18n } = useTranslation();
  const list = useTemplates();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const published = (list.data?.items ?? []).filter((tpl) => tpl.versions.length > 0);
  if (published.length === 0) return null;
  return (
    <>
      <SelectField
        id="template-start-from"
        label={t('assessmentTemplates.editor.startFrom')}
        value={chosen}
        onValueChange={async (v) => {
          setChosen(v);
          if (!v) return onPick(emptyDraft());
          setFailure(null);
          try {
            const details = await qc.fetchQuery({
              queryKey: templateKey(v),
              queryFn: () => api.get(`/assessment-templates/${v}`, TemplateDetails),
            });
            if (details.latest) onPick(fromContent(details.latest));
          } catch (err) {
            setFailure(err);
          }
        }}
        options={[
          { value: '', label: t('assessmentTemplates.editor.startEmpty') },
          ...published.map((tpl) => ({
            value: tpl.id,
            label: t('assessmentTemplates.editor.startFromOption', {
              name: localised(tpl.name, i18n.language),
              version: tpl.versions.at(-1)?.version,
            }),
          })),
        ]}
      />
      {failure ? <ErrorAlert error={failure} /> : null}
    </>
  );
}

function TemplateForm({
  template,
  owners,
  initial,
}: {
  template: TemplateDetails | undefined;
  owners: MembershipView[];
  initial: DraftContent;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const form = useFormErrors('template');
  const [draft, setDraft] = useState(initial);
  const [key, setKey] = useState('');
  const [ownerId, setOwnerId] = useState(owners[0]?.organisationId ?? '');
  const fields: Fields = { id: form.fieldId, errors: form.errors };
  const e = (k: string, opts?: Record<string, unknown>) => t(`assessmentTemplates.editor.${k}`, opts ?? {});
  const set = (patch: Partial<DraftContent>) => setDraft((d) => ({ ...d, ...patch }));

  const save = useMutation({
    mutationFn: (content: TemplateContent) =>
      template
        ? api.put(`/assessment-templates/${template.id}/draft`, TemplateDetails, { content })
        : api.post('/assessment-templates', TemplateDetails, { key, ownerOrganisationId: ownerId, content }),
    onSuccess: async (details) => {
      qc.setQueryData(templateKey(details.id), details);
      await qc.invalidateQueries({ queryKey: templatesKey, exact: true });
      navigate(`/bedomningar/mallar/${details.id}`);
    },
    onError: (err) => {
      const named = err instanceof ApiError ? Object.entries(err.fieldErrors) : [];
      if (named.length === 0) return form.failFromApi(err, []);
      const mapped: FieldErrors = {};
      for (const [field, message] of named)
        mapped[field] = placed(
          field
            .split('.')
            .slice(field.startsWith('content.') ? 1 : 0)
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          message,
          t,
        );
      form.fail(mapped);
    },
  });

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const content = toContent(draft);
    const parsed = TemplateContent.safeParse(content);
    const errors: FieldErrors = parsed.success ? {} : contentErrors(parsed.error.issues, content, t);
    if (!template) {
      // The key is checked by the creation contract's own rule, in the editor's words for it.
      const checked = CreateTemplate.shape.key.safeParse(key.trim());
      if (!checked.success) errors.key = placed(['key'], messageOf(checked.error.issues[0]!, key, t), t);
    }
    if (!parsed.success || Object.keys(errors).length) return form.fail(sortedLike(errors));
    form.clear();
    save.mutate(parsed.data);
  };

  return (
    <form className="form template-editor" noValidate onSubmit={submit}>
      {form.summary}
      {template ? null : (
        <>
          {owners.length > 1 ? (
            <SelectField
              id={form.fieldId('ownerOrganisationId')}
              label={e('owner')}
              value={ownerId}
              onValueChange={setOwnerId}
              options={owners.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
              error={form.errors.ownerOrganisationId}
            />
          ) : (
            <p className="ds-paragraph">
              {e('owner')}: {owners[0]?.organisationName}
            </p>
          )}
          <TextField
            id={form.fieldId('key')}
            label={e('key')}
            hint={e('keyHint')}
            required
            maxLength={80}
            autoCapitalize="none"
            spellCheck={false}
            value={key}
            onValueChange={setKey}
            error={form.errors.key}
          />
          <StartFrom onPick={setDraft} />
        </>
      )}
      <fieldset className="ds-fieldset fieldset">
        <legend className="ds-heading" data-size="sm">
          {e('basics')}
        </legend>
        <PairFields
          fields={fields}
          path={['name']}
          value={draft.name}
          onChange={(name) => set({ name })}
          labels={{ sv: e('nameSv'), en: e('nameEn') }}
        />
        <PairFields
          fields={fields}
          path={['description']}
          value={draft.description}
          onChange={(description) => set({ description })}
          labels={{ sv: e('descriptionSv'), en: e('descriptionEn') }}
          multiline
        />
      </fieldset>
      {draft.sections.map((s, i) => (
        <SectionEditor
          key={s.uid}
          section={s}
          index={i}
          count={draft.sections.length}
          fields={fields}
          onChange={(changed) => setDraft((d) => ({ ...d, sections: replaceAt(d.sections, i, changed) }))}
          onMove={(delta) => setDraft((d) => ({ ...d, sections: move(d.sections, i, delta) }))}
          onRemove={
            draft.sections.length > 1
              ? () => setDraft((d) => ({ ...d, sections: removeAt(d.sections, i) }))
              : null
          }
          neighbourId={neighbourOf(draft.sections, i, (n) => `template-section-${n.uid}`)}
        />
      ))}
      {draft.sections.length < MAX_SECTIONS ? (
        <p>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => set({ sections: [...draft.sections, emptySection()] })}
          >
            {e('addSection')}
          </button>
        </p>
      ) : null}
      <div className="form-actions">
        <SubmitButton
          busy={save.isPending}
          label={template ? e('save') : e('create')}
          busyLabel={template ? e('saving') : e('creating')}
        />
        <Link
          className="ds-link"
          to={template ? `/bedomningar/mallar/${template.id}` : '/bedomningar/mallar'}
        >
          {e('cancel')}
        </Link>
      </div>
    </form>
  );
}

/** The error summary lists the template's own fields (owner, key) before its content. */
function sortedLike(errors: FieldErrors): FieldErrors {
  const { key, ...rest } = errors;
  return key ? { key, ...rest } : rest;
}

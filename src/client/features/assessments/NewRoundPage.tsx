import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { RoundView, TemplateList } from '../../../shared/contracts/assessments.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { useMunicipalitiesOf } from '../organisations/useMunicipalitiesOf.ts';
import { localised, roundsKey } from './data.ts';

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const fields = [
  'ownerOrganisationId',
  'templateVersionId',
  'name',
  'opensOn',
  'closesOn',
  'municipalityCodes',
];

/**
 * A regional or association coordinator (or a national administrator) opens a round: template version,
 * name, dates and municipalities within the owner's scope — the region's, the association's members or,
 * nationally, any.
 */
export function NewRoundPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const templates = useQuery({
    queryKey: ['assessment-templates'],
    queryFn: () => api.get('/assessment-templates', TemplateList),
  });
  const owners = me.data
    ? scopeAt(scopeFor(me.data, 'assessment.run'), ['nation', 'region', 'association'])
    : [];
  const [ownerId, setOwnerId] = useState('');
  const owner = owners.find((o) => o.organisationId === ownerId) ?? owners[0];
  const [versionId, setVersionId] = useState('');
  const [name, setName] = useState('');
  const [opensOn, setOpensOn] = useState(isoDay(0));
  const [closesOn, setClosesOn] = useState(isoDay(28));
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [shareResults, setShareResults] = useState(false);
  const form = useFormErrors('new-round');

  const versions = useMemo(
    () =>
      (templates.data?.items ?? [])
        .filter((tpl) => tpl.owner.kind === 'nation' || tpl.owner.id === owner?.organisationId)
        .flatMap((tpl) =>
          tpl.versions
            .slice()
            .reverse()
            .map((v) => ({
              value: v.id,
              label: t('assessments.create.templateOption', {
                name: localised(tpl.name, i18n.language),
                version: v.version,
              }),
            })),
        ),
    [templates.data, owner, t, i18n.language],
  );
  const scope = useMunicipalitiesOf(
    owner ? { id: owner.organisationId, kind: owner.organisationKind } : undefined,
  );
  const inScope = scope.items;
  const selectedVersion = versionId || versions[0]?.value || '';

  const create = useMutation({
    mutationFn: () =>
      api.post('/assessment-rounds', RoundView, {
        name: name.trim(),
        templateVersionId: selectedVersion,
        ownerOrganisationId: owner?.organisationId,
        municipalityCodes: [...chosen],
        opensOn,
        closesOn,
        shareResults,
      }),
    onSuccess: async (round) => {
      await qc.invalidateQueries({ queryKey: roundsKey });
      navigate(`/bedomningar/${round.id}`);
    },
    onError: (err) => form.failFromApi(err, fields),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('assessments.create.required');
    if (chosen.size === 0) errors.municipalityCodes = t('assessments.create.pickMunicipality');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate();
  };

  if (templates.isPending || scope.isPending || me.isPending)
    return (
      <Page title={t('assessments.create.title')}>
        <Loading />
      </Page>
    );
  if (templates.isError)
    return <QueryFailure error={templates.error} onRetry={() => void templates.refetch()} />;
  if (!owner)
    return (
      <Page title={t('assessments.create.title')}>
        <p className="ds-paragraph">{t('assessments.create.noOwner')}</p>
      </Page>
    );
  const toggle = (code: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return (
    <Page title={t('assessments.create.title')} lead={t('assessments.create.lead')}>
      <form className="form" noValidate onSubmit={submit}>
        {form.summary}
        {owners.length > 1 ? (
          <SelectField
            id={form.fieldId('ownerOrganisationId')}
            label={t('assessments.create.owner')}
            value={owner.organisationId}
            onValueChange={(v) => {
              setOwnerId(v);
              setChosen(new Set());
            }}
            options={owners.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
          />
        ) : null}
        <SelectField
          id={form.fieldId('templateVersionId')}
          label={t('assessments.create.template')}
          value={selectedVersion}
          onValueChange={setVersionId}
          options={versions}
          required
          error={form.errors.templateVersionId}
        />
        <TextField
          id={form.fieldId('name')}
          label={t('assessments.create.name')}
          hint={t('assessments.create.nameHint')}
          value={name}
          onValueChange={setName}
          required
          maxLength={200}
          error={form.errors.name}
        />
        <div className="date-pair">
          <TextField
            id={form.fieldId('opensOn')}
            type="date"
            label={t('assessments.create.opensOn')}
            value={opensOn}
            onValueChange={setOpensOn}
            required
            error={form.errors.opensOn}
          />
          <TextField
            id={form.fieldId('closesOn')}
            type="date"
            label={t('assessments.create.closesOn')}
            value={closesOn}
            onValueChange={setClosesOn}
            required
            error={form.errors.closesOn}
          />
        </div>
        <fieldset
          className="ds-fieldset fieldset"
          id={form.fieldId('municipalityCodes')}
          tabIndex={-1}
          aria-describedby={form.errors.municipalityCodes ? 'new-round-municipalities-error' : undefined}
        >
          <legend className="ds-label" data-weight="medium">
            {t('assessments.create.municipalities')}
          </legend>
          {form.errors.municipalityCodes ? (
            <div className="ds-validation-message" data-color="danger" id="new-round-municipalities-error">
              {form.errors.municipalityCodes}
            </div>
          ) : null}
          <div className="button-row">
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              data-size="sm"
              onClick={() => setChosen(new Set(inScope.map((m) => m.code)))}
            >
              {t('assessments.create.chooseAll')}
            </button>
            <button
              type="button"
              className="ds-button"
              data-variant="tertiary"
              data-size="sm"
              onClick={() => setChosen(new Set())}
            >
              {t('assessments.create.chooseNone')}
            </button>
          </div>
          <div className="checkbox-columns">
            {inScope.map((m) => (
              <div className="ds-field" key={m.code}>
                <input
                  className="ds-input"
                  type="checkbox"
                  id={`new-round-m-${m.code}`}
                  checked={chosen.has(m.code)}
                  onChange={() => toggle(m.code)}
                />
                <label className="ds-label" data-weight="regular" htmlFor={`new-round-m-${m.code}`}>
                  {m.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="ds-field">
          <input
            className="ds-input"
            type="checkbox"
            id="new-round-share"
            checked={shareResults}
            onChange={(e) => setShareResults(e.target.checked)}
          />
          <label className="ds-label" data-weight="regular" htmlFor="new-round-share">
            {t('assessments.create.shareResults')}
          </label>
        </div>
        <SubmitButton
          busy={create.isPending}
          label={t('assessments.create.submit')}
          busyLabel={t('assessments.create.submitting')}
        />
      </form>
    </Page>
  );
}

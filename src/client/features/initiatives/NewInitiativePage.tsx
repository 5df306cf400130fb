import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  type CreateInitiative,
  type InitiativePhase,
  type InitiativeStatus,
  InitiativeView,
  initiativePhases,
  initiativeStatuses,
  type SupportNeedKey,
  supportNeedKeys,
} from '../../../shared/contracts/initiatives.ts';
import { Loading } from '../../components/Feedback.tsx';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { useMunicipalitiesOf } from '../organisations/useMunicipalitiesOf.ts';
import { initiativesKey, useTechnologyCatalogue } from './data.ts';
import { useInitiativeOwners } from './InitiativesPage.tsx';

const fields = [
  'ownerOrganisationId',
  'title',
  'purpose',
  'status',
  'phase',
  'startsOn',
  'endsOn',
  'budgetSek',
  'municipalityCodes',
  'technologyKeys',
  'supportNeeds',
];
const collator = new Intl.Collator('sv');

function toggled<T>(set: Set<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/**
 * A coordinator creates an initiative owned by one of their organisations: what and why, status and
 * phase, period and budget, the municipalities taking part, the technologies and the support needs it
 * answers. The rest (milestones, funding, indicators …) is added on the initiative's own page.
 */
export function NewInitiativePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const owners = useInitiativeOwners();
  const [ownerId, setOwnerId] = useState('');
  const owner = owners.find((o) => o.organisationId === ownerId) ?? owners[0];
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [status, setStatus] = useState<InitiativeStatus>('idea');
  const [phase, setPhase] = useState<InitiativePhase>('prepare');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [budget, setBudget] = useState('');
  /** Municipalities per owner, so that switching owner does not carry another scope's choices. */
  const [chosen, setChosen] = useState<Record<string, Set<string>>>({});
  const [technologyKeys, setTechnologyKeys] = useState<Set<string>>(new Set());
  const [supportNeeds, setSupportNeeds] = useState<Set<SupportNeedKey>>(new Set());
  const form = useFormErrors('new-initiative');
  const technologies = useTechnologyCatalogue(i18n.language);
  const scope = useMunicipalitiesOf(
    owner
      ? { id: owner.organisationId, kind: owner.organisationKind, code: owner.organisationCode }
      : undefined,
  );
  const ownerKey = owner?.organisationId ?? '';
  const municipalityCodes =
    chosen[ownerKey] ??
    new Set(
      owner?.organisationKind === 'municipality' && owner.organisationCode ? [owner.organisationCode] : [],
    );

  const create = useMutation({
    mutationFn: (body: CreateInitiative) => api.post('/initiatives', InitiativeView, body),
    onSuccess: async (initiative) => {
      await qc.invalidateQueries({ queryKey: initiativesKey });
      navigate(`/insatser/${initiative.id}`);
    },
    onError: (err) => form.failFromApi(err, fields),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!owner) return;
    const errors: Record<string, string> = {};
    if (title.trim().length < 3) errors.title = t('initiativeList.form.nameMissing');
    if (startsOn && endsOn && endsOn < startsOn) errors.endsOn = t('initiativeList.form.endBeforeStart');
    const budgetText = budget.replace(/[\s\u00a0]/g, '');
    if (budgetText && !/^\d{1,13}$/.test(budgetText))
      errors.budgetSek = t('initiativeList.form.budgetInvalid');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate({
      ownerOrganisationId: owner.organisationId,
      title: title.trim(),
      ...(purpose.trim() ? { purpose: purpose.trim() } : {}),
      status,
      phase,
      ...(startsOn ? { startsOn } : {}),
      ...(endsOn ? { endsOn } : {}),
      ...(budgetText ? { budgetSek: Number(budgetText) } : {}),
      municipalityCodes: scope.items.map((m) => m.code).filter((c) => municipalityCodes.has(c)),
      technologyKeys: [...technologyKeys],
      supportNeeds: supportNeedKeys.filter((k) => supportNeeds.has(k)),
    });
  };

  if (me.isPending)
    return (
      <Page title={t('initiativeList.form.title')}>
        <Loading />
      </Page>
    );
  if (!owner)
    return (
      <Page title={t('initiativeList.form.title')}>
        <p className="ds-paragraph">{t('initiativeList.form.noOwner')}</p>
      </Page>
    );
  const techItems = (technologies.data?.items ?? []).slice().sort((a, b) => collator.compare(a.name, b.name));
  return (
    <Page title={t('initiativeList.form.title')} lead={t('initiativeList.form.lead')}>
      <form className="form" noValidate onSubmit={submit}>
        {form.summary}
        {owners.length > 1 ? (
          <SelectField
            id={form.fieldId('ownerOrganisationId')}
            label={t('initiativeList.form.owner')}
            value={owner.organisationId}
            onValueChange={setOwnerId}
            options={owners.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
            required
            error={form.errors.ownerOrganisationId}
          />
        ) : (
          <p className="ds-paragraph">{t('initiativeList.form.ownedBy', { name: owner.organisationName })}</p>
        )}
        <TextField
          id={form.fieldId('title')}
          label={t('initiativeList.form.name')}
          value={title}
          onValueChange={setTitle}
          required
          maxLength={200}
          error={form.errors.title}
        />
        <TextAreaField
          id={form.fieldId('purpose')}
          label={t('initiativeList.form.purpose')}
          hint={t('initiativeList.form.purposeHint')}
          value={purpose}
          onValueChange={setPurpose}
          maxLength={4000}
          rows={4}
          error={form.errors.purpose}
        />
        <div className="initiative-form-pair">
          <SelectField
            id={form.fieldId('status')}
            label={t('initiativeList.form.status')}
            value={status}
            onValueChange={setStatus}
            options={initiativeStatuses.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
            error={form.errors.status}
          />
          <SelectField
            id={form.fieldId('phase')}
            label={t('initiativeList.form.phase')}
            value={phase}
            onValueChange={setPhase}
            options={initiativePhases.map((p) => ({ value: p, label: t(`initiatives.phase.${p}`) }))}
            error={form.errors.phase}
          />
        </div>
        <div className="initiative-form-pair">
          <TextField
            id={form.fieldId('startsOn')}
            type="date"
            label={t('initiativeList.form.startsOn')}
            value={startsOn}
            onValueChange={setStartsOn}
            error={form.errors.startsOn}
          />
          <TextField
            id={form.fieldId('endsOn')}
            type="date"
            label={t('initiativeList.form.endsOn')}
            value={endsOn}
            onValueChange={setEndsOn}
            error={form.errors.endsOn}
          />
        </div>
        <TextField
          id={form.fieldId('budgetSek')}
          label={t('initiativeList.form.budget')}
          hint={t('initiativeList.form.budgetHint')}
          inputMode="numeric"
          autoComplete="off"
          value={budget}
          onValueChange={setBudget}
          maxLength={20}
          error={form.errors.budgetSek}
        />
        <CheckboxGroup
          id={form.fieldId('municipalityCodes')}
          legend={t('initiativeList.form.municipalities')}
          error={form.errors.municipalityCodes}
        >
          {scope.isPending ? <Loading /> : null}
          {!scope.isPending && scope.items.length === 0 ? (
            <p className="ds-paragraph">{t('initiativeList.form.noMunicipalities')}</p>
          ) : null}
          {scope.items.map((m) => (
            <Checkbox
              key={m.code}
              id={`new-initiative-m-${m.code}`}
              label={m.name}
              checked={municipalityCodes.has(m.code)}
              onChange={() =>
                setChosen((prev) => ({ ...prev, [ownerKey]: toggled(municipalityCodes, m.code) }))
              }
            />
          ))}
        </CheckboxGroup>
        <CheckboxGroup
          id={form.fieldId('technologyKeys')}
          legend={t('initiativeList.form.technologies')}
          error={form.errors.technologyKeys}
        >
          {technologies.isPending ? <Loading /> : null}
          {techItems.map((x) => (
            <Checkbox
              key={x.key}
              id={`new-initiative-t-${x.key}`}
              label={x.name}
              checked={technologyKeys.has(x.key)}
              onChange={() => setTechnologyKeys((prev) => toggled(prev, x.key))}
            />
          ))}
        </CheckboxGroup>
        <CheckboxGroup
          id={form.fieldId('supportNeeds')}
          legend={t('initiativeList.form.supportNeeds')}
          error={form.errors.supportNeeds}
        >
          {supportNeedKeys.map((k) => (
            <Checkbox
              key={k}
              id={`new-initiative-s-${k}`}
              label={t(`initiatives.supportNeed.${k}`)}
              checked={supportNeeds.has(k)}
              onChange={() => setSupportNeeds((prev) => toggled(prev, k))}
            />
          ))}
        </CheckboxGroup>
        <div className="form-actions">
          <SubmitButton
            busy={create.isPending}
            label={t('initiativeList.form.submit')}
            busyLabel={t('initiativeList.form.submitting')}
          />
          <Link className="ds-link" to="/insatser">
            {t('initiativeList.form.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}

function CheckboxGroup({
  id,
  legend,
  error,
  children,
}: {
  id: string;
  legend: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="ds-fieldset fieldset"
      id={id}
      tabIndex={-1}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="ds-label" data-weight="medium">
        {legend}
      </legend>
      {error ? (
        <div className="ds-validation-message" data-color="danger" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className="initiative-checks">{children}</div>
    </fieldset>
  );
}

function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: () => void;
}) {
  return (
    <div className="ds-field checkbox">
      <input className="ds-input" type="checkbox" id={id} checked={checked} onChange={onChange} />
      <label className="ds-label" data-weight="regular" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

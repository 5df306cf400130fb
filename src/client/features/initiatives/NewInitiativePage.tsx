import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  CreateInitiative,
  InitiativeView,
  initiativePhases,
  initiativeStatuses,
  type SupportNeedKey,
  supportNeedKeys,
} from '../../../shared/contracts/initiatives.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { useMunicipalitiesOf } from '../organisations/useMunicipalitiesOf.ts';
import { initiativesKey, useTechnologyCatalogue } from './data.ts';
import { useInitiativeOwners } from './InitiativesPage.tsx';

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
  const { t } = useTranslation();
  const me = useMe();
  const owners = useInitiativeOwners();
  if (me.isPending)
    return (
      <Page title={t('initiativeList.form.title')}>
        <Loading />
      </Page>
    );
  if (owners.length === 0)
    return (
      <Page title={t('initiativeList.form.title')}>
        <p className="ds-paragraph">{t('initiativeList.form.noOwner')}</p>
      </Page>
    );
  return (
    <Page title={t('initiativeList.form.title')} lead={t('initiativeList.form.lead')}>
      <InitiativeForm owners={owners} />
    </Page>
  );
}

function InitiativeForm({ owners }: { owners: ReturnType<typeof useInitiativeOwners> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  /** Municipalities per owner, so that switching owner does not carry another scope's choices. */
  const [chosen, setChosen] = useState<Record<string, Set<string>>>({});
  const [technologyKeys, setTechnologyKeys] = useState<Set<string>>(new Set());
  const [supportNeeds, setSupportNeeds] = useState<Set<SupportNeedKey>>(new Set());
  const technologies = useTechnologyCatalogue(i18n.language);
  const f = (key: string) => t(`initiativeList.form.${key}`);
  const cf = useContractForm(CreateInitiative, {
    id: 'new-initiative',
    defaultValues: {
      ownerOrganisationId: owners[0]!.organisationId,
      title: '',
      purpose: '',
      status: 'idea',
      phase: 'prepare',
    },
    labels: {
      ownerOrganisationId: f('owner'),
      title: f('name'),
      purpose: f('purpose'),
      status: f('status'),
      phase: f('phase'),
      startsOn: f('startsOn'),
      endsOn: f('endsOn'),
      budgetSek: f('budget'),
      municipalityCodes: f('municipalities'),
      technologyKeys: f('technologies'),
      supportNeeds: f('supportNeeds'),
    },
    onSubmit: async (values) => {
      // The checkboxes keep their own state (per owner for the municipalities); the contract sees them here.
      const initiative = await api.post('/initiatives', InitiativeView, {
        ...values,
        purpose: values.purpose || undefined,
        municipalityCodes: scope.items.map((m) => m.code).filter((c) => municipalityCodes.has(c)),
        technologyKeys: [...technologyKeys],
        supportNeeds: supportNeedKeys.filter((k) => supportNeeds.has(k)),
      });
      await qc.invalidateQueries({ queryKey: initiativesKey });
      navigate(`/insatser/${initiative.id}`);
    },
  });
  const ownerId = cf.form.watch('ownerOrganisationId');
  const owner = owners.find((o) => o.organisationId === ownerId) ?? owners[0]!;
  const scope = useMunicipalitiesOf({
    id: owner.organisationId,
    kind: owner.organisationKind,
    code: owner.organisationCode,
  });
  const ownerKey = owner.organisationId;
  const municipalityCodes =
    chosen[ownerKey] ??
    new Set(
      owner.organisationKind === 'municipality' && owner.organisationCode ? [owner.organisationCode] : [],
    );

  const techItems = (technologies.data?.items ?? []).slice().sort((a, b) => collator.compare(a.name, b.name));
  return (
    <form className="form" noValidate onSubmit={cf.onSubmit}>
      {cf.summary}
      {owners.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="ownerOrganisationId"
          required
          options={owners.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
        />
      ) : (
        <p className="ds-paragraph">{t('initiativeList.form.ownedBy', { name: owner.organisationName })}</p>
      )}
      <ContractTextField cf={cf} name="title" required maxLength={200} />
      <ContractTextAreaField cf={cf} name="purpose" hint={f('purposeHint')} maxLength={4000} rows={4} />
      <div className="initiative-form-pair">
        <ContractSelectField
          cf={cf}
          name="status"
          options={initiativeStatuses.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
        />
        <ContractSelectField
          cf={cf}
          name="phase"
          options={initiativePhases.map((p) => ({ value: p, label: t(`initiatives.phase.${p}`) }))}
        />
      </div>
      <div className="initiative-form-pair">
        <ContractTextField cf={cf} name="startsOn" type="date" emptyAsUndefined />
        <ContractTextField cf={cf} name="endsOn" type="date" emptyAsUndefined />
      </div>
      <ContractTextField
        cf={cf}
        name="budgetSek"
        hint={f('budgetHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        asNumber
        emptyAsUndefined
      />
      <CheckboxGroup
        id={cf.fieldId('municipalityCodes')}
        legend={f('municipalities')}
        error={cf.errorFor('municipalityCodes')}
      >
        {scope.isPending ? <Loading /> : null}
        {!scope.isPending && scope.items.length === 0 ? (
          <p className="ds-paragraph">{f('noMunicipalities')}</p>
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
        id={cf.fieldId('technologyKeys')}
        legend={f('technologies')}
        error={cf.errorFor('technologyKeys')}
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
        id={cf.fieldId('supportNeeds')}
        legend={f('supportNeeds')}
        error={cf.errorFor('supportNeeds')}
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
        <SubmitButton busy={cf.busy} label={f('submit')} busyLabel={f('submitting')} />
        <Link className="ds-link" to="/insatser">
          {f('cancel')}
        </Link>
      </div>
    </form>
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

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { CreateRound, RoundView, TemplateList } from '../../../shared/contracts/assessments.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckbox,
  ContractSelectField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { MunicipalityPicker } from '../organisations/MunicipalityPicker.tsx';
import { useMunicipalitiesOf } from '../organisations/useMunicipalitiesOf.ts';
import { localised, roundsKey } from './data.ts';

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

interface Owner {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
}

/**
 * A regional or association coordinator (or a national administrator) opens a round: template version,
 * name, dates and municipalities within the owner's scope — the region's, the association's members or,
 * nationally, any.
 */
export function NewRoundPage() {
  const { t } = useTranslation();
  const me = useMe();
  const templates = useQuery({
    queryKey: ['assessment-templates'],
    queryFn: () => api.get('/assessment-templates', TemplateList),
  });
  const owners = me.data
    ? scopeAt(scopeFor(me.data, 'assessment.run'), ['nation', 'region', 'association'])
    : [];
  if (templates.isPending || me.isPending)
    return (
      <Page title={t('assessments.create.title')}>
        <Loading />
      </Page>
    );
  if (templates.isError)
    return <QueryFailure error={templates.error} onRetry={() => void templates.refetch()} />;
  if (owners.length === 0)
    return (
      <Page title={t('assessments.create.title')}>
        <p className="ds-paragraph">{t('assessments.create.noOwner')}</p>
      </Page>
    );
  return (
    <Page title={t('assessments.create.title')} lead={t('assessments.create.lead')}>
      <RoundForm owners={owners} templates={templates.data} />
    </Page>
  );
}

function RoundForm({ owners, templates }: { owners: readonly Owner[]; templates: TemplateList }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const c = (key: string) => t(`assessments.create.${key}`);
  const cf = useContractForm(CreateRound, {
    id: 'new-round',
    defaultValues: {
      ownerOrganisationId: owners[0]!.organisationId,
      templateVersionId: '',
      name: '',
      opensOn: isoDay(0),
      closesOn: isoDay(28),
      municipalityCodes: [],
      shareResults: false,
    },
    labels: {
      ownerOrganisationId: c('owner'),
      templateVersionId: c('template'),
      name: c('name'),
      opensOn: c('opensOn'),
      closesOn: c('closesOn'),
      municipalityCodes: c('municipalities'),
      shareResults: c('shareResults'),
    },
    onSubmit: async (body) => {
      const round = await api.post('/assessment-rounds', RoundView, body);
      await qc.invalidateQueries({ queryKey: roundsKey });
      setCreated(round.id);
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !created);
  // Once nothing is unsaved any more, on to the new round.
  useEffect(() => {
    if (created) navigate(`/bedomningar/${created}`);
  }, [created, navigate]);

  const ownerId = cf.form.watch('ownerOrganisationId');
  const owner = owners.find((o) => o.organisationId === ownerId) ?? owners[0]!;
  const versions = useMemo(
    () =>
      templates.items
        .filter((tpl) => tpl.owner.kind === 'nation' || tpl.owner.id === owner.organisationId)
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
    [templates, owner, t, i18n.language],
  );
  const scope = useMunicipalitiesOf({ id: owner.organisationId, kind: owner.organisationKind });
  // Another owner has other templates and municipalities: the first template, and none chosen.
  const versionId = cf.form.watch('templateVersionId');
  useEffect(() => {
    if (!versions.some((v) => v.value === versionId))
      cf.form.setValue('templateVersionId', versions[0]?.value ?? '');
  }, [versions, versionId, cf.form]);
  const shownOwner = useRef(ownerId);
  useEffect(() => {
    if (shownOwner.current === ownerId) return;
    shownOwner.current = ownerId;
    cf.form.setValue('municipalityCodes', []);
  }, [ownerId, cf.form]);
  const chosen = cf.form.watch('municipalityCodes') ?? [];

  if (scope.isPending) return <Loading />;
  return (
    <>
      <form className="form" noValidate onSubmit={cf.onSubmit}>
        {cf.summary}
        {owners.length > 1 ? (
          <ContractSelectField
            cf={cf}
            name="ownerOrganisationId"
            options={owners.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
          />
        ) : null}
        <ContractSelectField cf={cf} name="templateVersionId" required options={versions} />
        <ContractTextField cf={cf} name="name" hint={c('nameHint')} required maxLength={200} />
        <div className="date-pair">
          <ContractTextField cf={cf} name="opensOn" type="date" required />
          <ContractTextField cf={cf} name="closesOn" type="date" required />
        </div>
        <MunicipalityPicker
          id={cf.fieldId('municipalityCodes')}
          legend={c('municipalities')}
          error={cf.errorFor('municipalityCodes')}
          choices={scope.items}
          value={chosen}
          onChange={(codes) =>
            cf.form.setValue('municipalityCodes', codes, {
              shouldDirty: true,
              shouldValidate: cf.form.formState.isSubmitted,
            })
          }
          chooseAll={c('chooseAll')}
          chooseNone={c('chooseNone')}
        />
        <ContractCheckbox cf={cf} name="shareResults" />
        <SubmitButton busy={cf.busy} label={c('submit')} busyLabel={c('submitting')} />
      </form>
      {leaving}
    </>
  );
}

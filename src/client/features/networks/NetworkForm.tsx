import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import {
  CreateNetwork,
  type NetworkLevel,
  NetworkView,
  networkKinds,
  networkLevels,
} from '../../../shared/contracts/networks.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { networkKey, networksKey } from './data.ts';

const COVERAGE_KINDS = new Set(['nation', 'region', 'association']);
const levelOf = (kind: string): NetworkLevel =>
  kind === 'nation' ? 'national' : kind === 'municipality' ? 'local' : 'regional';

/** A coordinator creates a group owned by an organisation where they may manage networks. */
export function NewNetworkPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('networks.create.title')} lead={t('networks.create.lead')}>
      <NetworkForm existing={null} />
    </Page>
  );
}

/** Its managers change a group's name, kind, level, purpose and coverage; the owner stays. */
export function EditNetworkPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const network = useQuery({
    queryKey: networkKey(id),
    queryFn: () => api.get(`/networks/${id}`, NetworkView),
  });
  if (network.isPending) return <Loading />;
  if (network.isError) return <QueryFailure error={network.error} onRetry={() => void network.refetch()} />;
  return (
    <Page title={t('networks.edit.title', { name: network.data.name })}>
      <p>
        <Link className="ds-link" to={`/natverk/${id}`}>
          {t('networks.edit.back')}
        </Link>
      </p>
      {network.data.canManage ? (
        <NetworkForm existing={network.data} />
      ) : (
        <p className="ds-paragraph">{t('networks.edit.notAllowed')}</p>
      )}
    </Page>
  );
}

function NetworkForm({ existing }: { existing: NetworkView | null }) {
  const me = useMe();
  const owners = existing
    ? [
        {
          organisationId: existing.owner.id,
          organisationName: existing.owner.name,
          organisationKind: existing.owner.kind,
        },
      ]
    : me.data
      ? scopeAt(scopeFor(me.data, 'network.manage'), ['nation', 'region', 'association', 'municipality'])
      : [];
  const { t } = useTranslation();
  if (owners.length === 0) return <p className="ds-paragraph">{t('networks.create.noOwner')}</p>;
  return <NetworkFields existing={existing} owners={owners} />;
}

interface Owner {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
}

/** A changed group keeps its owner: the form checks the create contract, a PUT leaves the owner out. */
function NetworkFields({ existing, owners }: { existing: NetworkView | null; owners: readonly Owner[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const first = owners[0]!;
  const cf = useContractForm(CreateNetwork, {
    id: 'network-form',
    defaultValues: {
      name: existing?.name ?? '',
      kind: existing?.kind ?? 'network',
      level: existing?.level ?? levelOf(first.organisationKind),
      purpose: existing?.purpose ?? '',
      ownerOrganisationId: first.organisationId,
      coverageOrganisationId: existing?.coverageOrganisationId ?? null,
      representativesMin: existing ? existing.representativesMin : 1,
      representativesMax: existing ? existing.representativesMax : 2,
    },
    labels: {
      name: t('networks.create.name'),
      ownerOrganisationId: t('networks.create.owner'),
      kind: t('networks.create.kind'),
      level: t('networks.create.level'),
      purpose: t('networks.create.purpose'),
      representativesMin: t('networks.create.min'),
      representativesMax: t('networks.create.max'),
    },
    onSubmit: async ({ ownerOrganisationId, ...body }, { form }) => {
      // Coverage is the owner's own area, so it follows the owner chosen last.
      const kind = owners.find((o) => o.organisationId === ownerOrganisationId)?.organisationKind ?? '';
      const covered = Boolean(body.coverageOrganisationId) && COVERAGE_KINDS.has(kind);
      const payload = {
        ...body,
        purpose: body.purpose || null,
        ...(covered
          ? { coverageOrganisationId: existing?.coverageOrganisationId ?? ownerOrganisationId }
          : { coverageOrganisationId: null, representativesMin: null, representativesMax: null }),
      };
      const n = existing
        ? await api.put(`/networks/${existing.id}`, NetworkView, payload)
        : await api.post('/networks', NetworkView, { ...payload, ownerOrganisationId });
      form.reset(form.getValues());
      void qc.invalidateQueries({ queryKey: networksKey });
      qc.setQueryData(networkKey(n.id), n);
      navigate(`/natverk/${n.id}`);
    },
  });
  const ownerId = cf.form.watch('ownerOrganisationId');
  const owner = owners.find((o) => o.organisationId === ownerId) ?? first;
  const canCover = COVERAGE_KINDS.has(owner.organisationKind);
  const coverage = cf.form.watch('coverageOrganisationId');
  // The level follows the owner until the person picks one.
  useEffect(() => {
    if (!cf.form.getFieldState('level').isDirty) cf.form.setValue('level', levelOf(owner.organisationKind));
  }, [cf.form, owner.organisationKind]);
  const covered = canCover && Boolean(coverage);

  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractTextField cf={cf} name="name" required maxLength={200} />
      {existing ? null : (
        <ContractSelectField
          cf={cf}
          name="ownerOrganisationId"
          options={owners.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
        />
      )}
      <ContractSelectField
        cf={cf}
        name="kind"
        options={networkKinds.map((k) => ({ value: k, label: t(`networks.kinds.${k}`) }))}
      />
      <ContractSelectField
        cf={cf}
        name="level"
        options={networkLevels.map((l: NetworkLevel) => ({ value: l, label: t(`networks.levels.${l}`) }))}
      />
      <ContractTextAreaField cf={cf} name="purpose" rows={4} />
      {canCover ? (
        <div className="ds-field checkbox">
          <input
            className="ds-input"
            type="checkbox"
            id="network-coverage"
            checked={covered}
            onChange={(e) =>
              cf.form.setValue(
                'coverageOrganisationId',
                e.target.checked ? (existing?.coverageOrganisationId ?? owner.organisationId) : null,
                { shouldDirty: true },
              )
            }
          />
          <label className="ds-label" data-weight="regular" htmlFor="network-coverage">
            {t('networks.create.coverage', { area: owner.organisationName })}
          </label>
        </div>
      ) : null}
      {covered ? (
        <>
          <ContractTextField cf={cf} name="representativesMin" inputMode="numeric" asNumber />
          <ContractTextField cf={cf} name="representativesMax" inputMode="numeric" asNumber />
        </>
      ) : null}
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={existing ? t('networks.edit.submit') : t('networks.create.submit')}
          busyLabel={existing ? t('networks.edit.busy') : t('networks.create.busy')}
        />
      </div>
    </form>
  );
}

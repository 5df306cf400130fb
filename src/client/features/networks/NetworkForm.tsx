import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import {
  type NetworkKind,
  type NetworkLevel,
  NetworkView,
  networkKinds,
  networkLevels,
} from '../../../shared/contracts/networks.ts';
import { Loading } from '../../components/Feedback.tsx';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { networkKey, networksKey } from './data.ts';

const FIELDS = [
  'name',
  'kind',
  'level',
  'ownerOrganisationId',
  'purpose',
  'representativesMin',
  'representativesMax',
];
const COVERAGE_KINDS = new Set(['nation', 'region', 'association']);
const levelOf = (kind: string): NetworkLevel =>
  kind === 'nation' ? 'national' : kind === 'municipality' ? 'local' : 'regional';
const whole = (v: string) => (v.trim() === '' ? null : Number(v));

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
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
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
  const [ownerId, setOwnerId] = useState('');
  const owner = owners.find((o) => o.organisationId === ownerId) ?? owners[0];
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<NetworkKind>(existing?.kind ?? 'network');
  const [level, setLevel] = useState<NetworkLevel | ''>(existing?.level ?? '');
  const [purpose, setPurpose] = useState(existing?.purpose ?? '');
  const [covered, setCovered] = useState(Boolean(existing?.coverageOrganisationId));
  const [min, setMin] = useState(String(existing?.representativesMin ?? 1));
  const [max, setMax] = useState(existing ? String(existing.representativesMax ?? '') : '2');
  const form = useFormErrors('network-form');
  const canCover = owner ? COVERAGE_KINDS.has(owner.organisationKind) : false;

  const create = useMutation({
    mutationFn: () => {
      const body = {
        name: name.trim(),
        kind,
        level: level || levelOf(owner?.organisationKind ?? ''),
        purpose: purpose.trim() || null,
        ...(canCover && covered
          ? {
              coverageOrganisationId: existing?.coverageOrganisationId ?? owner?.organisationId,
              representativesMin: whole(min),
              representativesMax: whole(max),
            }
          : { coverageOrganisationId: null, representativesMin: null, representativesMax: null }),
      };
      return existing
        ? api.put(`/networks/${existing.id}`, NetworkView, body)
        : api.post('/networks', NetworkView, { ...body, ownerOrganisationId: owner?.organisationId ?? '' });
    },
    onSuccess: (n) => {
      void qc.invalidateQueries({ queryKey: networksKey });
      qc.setQueryData(networkKey(n.id), n);
      navigate(`/natverk/${n.id}`);
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('networks.create.nameRequired');
    if (canCover && covered) {
      const lo = whole(min);
      const hi = whole(max);
      if (lo === null || !Number.isInteger(lo) || lo < 1)
        errors.representativesMin = t('networks.create.minInvalid');
      if (hi !== null && (!Number.isInteger(hi) || (lo !== null && hi < lo)))
        errors.representativesMax = t('networks.create.maxInvalid');
    }
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate();
  };

  return (
    <>
      {owners.length === 0 ? (
        <p className="ds-paragraph">{t('networks.create.noOwner')}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          {form.summary}
          <TextField
            id={form.fieldId('name')}
            label={t('networks.create.name')}
            required
            value={name}
            onValueChange={setName}
            error={form.errors.name}
            maxLength={200}
          />
          {existing ? null : (
            <SelectField
              id={form.fieldId('ownerOrganisationId')}
              label={t('networks.create.owner')}
              value={owner?.organisationId ?? ''}
              onValueChange={setOwnerId}
              options={owners.map((o) => ({ value: o.organisationId, label: o.organisationName }))}
              error={form.errors.ownerOrganisationId}
            />
          )}
          <SelectField
            id={form.fieldId('kind')}
            label={t('networks.create.kind')}
            value={kind}
            onValueChange={setKind}
            options={networkKinds.map((k) => ({ value: k, label: t(`networks.kinds.${k}`) }))}
          />
          <SelectField
            id={form.fieldId('level')}
            label={t('networks.create.level')}
            value={level || levelOf(owner?.organisationKind ?? '')}
            onValueChange={setLevel}
            options={networkLevels.map((l) => ({ value: l, label: t(`networks.levels.${l}`) }))}
          />
          <TextAreaField
            id={form.fieldId('purpose')}
            label={t('networks.create.purpose')}
            value={purpose}
            onValueChange={setPurpose}
            error={form.errors.purpose}
            rows={4}
          />
          {canCover ? (
            <div className="ds-field checkbox">
              <input
                className="ds-input"
                type="checkbox"
                id="network-coverage"
                checked={covered}
                onChange={(e) => setCovered(e.target.checked)}
              />
              <label className="ds-label" data-weight="regular" htmlFor="network-coverage">
                {t('networks.create.coverage', { area: owner?.organisationName })}
              </label>
            </div>
          ) : null}
          {canCover && covered ? (
            <>
              <TextField
                id={form.fieldId('representativesMin')}
                label={t('networks.create.min')}
                inputMode="numeric"
                value={min}
                onValueChange={setMin}
                error={form.errors.representativesMin}
              />
              <TextField
                id={form.fieldId('representativesMax')}
                label={t('networks.create.max')}
                inputMode="numeric"
                value={max}
                onValueChange={setMax}
                error={form.errors.representativesMax}
              />
            </>
          ) : null}
          <div className="form-actions">
            <SubmitButton
              busy={create.isPending}
              label={existing ? t('networks.edit.submit') : t('networks.create.submit')}
              busyLabel={existing ? t('networks.edit.busy') : t('networks.create.busy')}
            />
          </div>
        </form>
      )}
    </>
  );
}

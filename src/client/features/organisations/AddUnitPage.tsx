import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CreateUnit, Organisation, unitTypes } from '../../../shared/contracts/organisations.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ContractSelectField, ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { abilitiesAt, organisationKey, orgPath } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { orgTrail, useRouteOrganisation } from './OrganisationPage.tsx';

export function AddUnitPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { org, fallback } = useRouteOrganisation();

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!abilitiesAt(me.data, org).addUnit) return <NotFoundPage forbidden />;

  return (
    <div className="narrow">
      <Page
        breadcrumbs={orgTrail(org, t, t('orgs.addUnit'))}
        title={t('unit.title', { name: org.name })}
        lead={t('unit.intro')}
      >
        <AddUnitForm municipality={org} />
      </Page>
    </div>
  );
}

/** One unit at a time: after saving, the form is empty again and the saved message links to the unit. */
function AddUnitForm({ municipality }: { municipality: { id: string } }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const empty = { kind: 'unit', name: '', parentId: municipality.id, subtype: 'home_care' } as const;
  const cf = useContractForm(CreateUnit, {
    id: 'unit',
    defaultValues: empty,
    labels: { name: t('unit.name'), subtype: t('unit.type') },
    onSubmit: async (body, { form }) => {
      const unit = await api.post('/organisations', Organisation, body);
      await qc.invalidateQueries({ queryKey: organisationKey(municipality.id) });
      form.reset(empty);
      return (
        <>
          {t('unit.created', { name: unit.name })}{' '}
          <Link className="ds-link" to={orgPath(unit.id)}>
            {unit.name}
          </Link>
        </>
      );
    },
  });

  return (
    <form onSubmit={cf.onSubmit} noValidate className="form">
      {cf.summary}
      <ContractTextField cf={cf} name="name" required maxLength={120} />
      <ContractSelectField
        cf={cf}
        name="subtype"
        required
        options={unitTypes.map((u) => ({ value: u, label: t(`unitTypes.${u}`) }))}
      />
      <div className="form-actions">
        <SubmitButton busy={cf.busy} label={t('unit.submit')} busyLabel={t('unit.submitting')} />
        <Link className="ds-link" to={orgPath(municipality.id)}>
          {t('app.back')}
        </Link>
      </div>
      {cf.saved}
    </form>
  );
}

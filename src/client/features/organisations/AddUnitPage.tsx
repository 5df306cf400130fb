import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Organisation, unitTypes } from '../../../shared/contracts/organisations.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { abilitiesAt, organisationKey, orgPath } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { Breadcrumbs, useRouteOrganisation } from './OrganisationPage.tsx';

type UnitType = (typeof unitTypes)[number];

export function AddUnitPage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { org, fallback } = useRouteOrganisation();
  const [name, setName] = useState('');
  const [subtype, setSubtype] = useState<UnitType>('home_care');
  const [created, setCreated] = useState<Organisation | null>(null);
  const form = useFormErrors('unit');

  const create = useMutation({
    mutationFn: (body: { name: string; subtype: UnitType; parentId: string }) =>
      api.post('/organisations', Organisation, { kind: 'unit', ...body }),
    onSuccess: async (unit) => {
      setCreated(unit);
      setName('');
      if (unit.parentId) await qc.invalidateQueries({ queryKey: organisationKey(unit.parentId) });
    },
    onError: (err) => form.failFromApi(err, ['name', 'subtype']),
  });

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!abilitiesAt(me.data, org).addUnit) return <NotFoundPage forbidden />;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!org) return;
    if (name.trim().length < 2)
      return form.fail({ name: t('form.requiredField', { field: t('unit.name').toLowerCase() }) });
    form.clear();
    setCreated(null);
    create.mutate({ name: name.trim(), subtype, parentId: org.id });
  }

  return (
    <>
      <Breadcrumbs org={org} current={t('orgs.addUnit')} />
      <div className="narrow">
        <Page title={t('unit.title', { name: org.name })} lead={t('unit.intro')}>
          <LiveStatus
            message={
              created ? (
                <>
                  {t('unit.created', { name: created.name })}{' '}
                  <Link className="ds-link" to={orgPath(created.id)}>
                    {created.name}
                  </Link>
                </>
              ) : null
            }
          />
          <form onSubmit={submit} noValidate className="form">
            {form.summary}
            <TextField
              id={form.fieldId('name')}
              label={t('unit.name')}
              required
              value={name}
              onValueChange={setName}
              error={form.errors.name}
              maxLength={120}
            />
            <SelectField<UnitType>
              id={form.fieldId('subtype')}
              label={t('unit.type')}
              required
              value={subtype}
              onValueChange={setSubtype}
              options={unitTypes.map((u) => ({ value: u, label: t(`unitTypes.${u}`) }))}
              error={form.errors.subtype}
            />
            <div className="form-actions">
              <SubmitButton
                busy={create.isPending}
                label={t('unit.submit')}
                busyLabel={t('unit.submitting')}
              />
              <Link className="ds-link" to={orgPath(org.id)}>
                {t('app.back')}
              </Link>
            </div>
          </form>
        </Page>
      </div>
    </>
  );
}

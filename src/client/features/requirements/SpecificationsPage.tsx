import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CreateSpecification, SpecificationDetail } from '../../../shared/contracts/requirements.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatShortDate } from '../../lib/format.ts';
import { useMe } from '../../lib/session.ts';
import { useTechnologies } from '../cases/case-queries.ts';
import { ownOrganisations, requirementsKey, useSpecifications } from './data.ts';

export const specificationLabels = (t: (key: string) => string) => ({
  ownerId: t('requirements.specs.fields.ownerId'),
  title: t('requirements.specs.fields.title'),
  technologyKey: t('requirements.specs.fields.technologyKey'),
  introduction: t('requirements.specs.fields.introduction'),
});

/** /kravspecifikationer — every specification, and a new one for the person's organisation. */
export function SpecificationsPage() {
  const { t, i18n } = useTranslation();
  const list = useSpecifications();
  const me = useMe();
  const owners = me.data ? ownOrganisations(me.data) : [];
  return (
    <Page title={t('requirements.specs.title')} lead={t('requirements.specs.lead')}>
      <Section title={t('requirements.specs.listHeading')} id="specifications">
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data?.items.length === 0 ? (
          <p className="ds-paragraph">{t('requirements.specs.empty')}</p>
        ) : null}
        <ul className="requirement-list">
          {list.data?.items.map((s) => (
            <li key={s.id} className="requirement-item">
              <h3 className="ds-heading" data-size="xs">
                <Link className="ds-link" to={`/kravspecifikationer/${s.id}`}>
                  {s.title}
                </Link>
              </h3>
              <p className="ds-paragraph muted" data-size="sm">
                {t('requirements.specs.meta', {
                  owner: s.owner.name,
                  technology: s.technology.name,
                  date: formatShortDate(s.updatedAt.slice(0, 10), i18n.language),
                })}
                {' · '}
                {t('requirements.specs.items', { count: s.itemCount })}
              </p>
            </li>
          ))}
        </ul>
      </Section>
      {owners.length ? <NewSpecificationForm owners={owners} /> : null}
    </Page>
  );
}

function NewSpecificationForm({ owners }: { owners: { value: string; label: string }[] }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const technologies = useTechnologies(i18n.language);
  const cf = useContractForm(CreateSpecification, {
    id: 'new-specification',
    defaultValues: { ownerId: owners[0]?.value ?? '', title: '', introduction: '', items: [] },
    labels: specificationLabels(t),
    onSubmit: async (values) => {
      const saved = await api.post('/requirement-specifications', SpecificationDetail, values);
      await qc.invalidateQueries({ queryKey: requirementsKey });
      void navigate(`/kravspecifikationer/${saved.id}`);
    },
  });
  return (
    <form onSubmit={cf.onSubmit} noValidate className="form narrow-form" aria-labelledby="new-spec-heading">
      <h2 className="ds-heading" data-size="sm" id="new-spec-heading">
        {t('requirements.specs.create.title')}
      </h2>
      {cf.summary}
      {owners.length > 1 ? <ContractSelectField cf={cf} name="ownerId" options={owners} /> : null}
      <ContractTextField cf={cf} name="title" required />
      <ContractSelectField
        cf={cf}
        name="technologyKey"
        required
        placeholder={t('requirements.specs.fields.chooseTechnology')}
        options={(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name }))}
      />
      <ContractTextAreaField
        cf={cf}
        name="introduction"
        rows={4}
        hint={t('requirements.specs.fields.introductionHint')}
      />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('requirements.specs.create.submit')}
          busyLabel={t('requirements.specs.create.submitting')}
        />
      </div>
    </form>
  );
}

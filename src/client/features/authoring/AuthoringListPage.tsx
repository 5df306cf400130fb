import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CreateCourse } from '../../../shared/contracts/authoring.ts';
import { ErrorAlert, Loading, Tag } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { authoringKeys, createCourse, fetchAuthoringCourses, fetchOwners } from './data.ts';
import { ownerOptions } from './editor-fields.tsx';
import { ImportCourseForm } from './ImportCourseForm.tsx';

export function AuthoringListPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: authoringKeys.list, queryFn: fetchAuthoringCourses });
  const owners = useQuery({ queryKey: authoringKeys.owners, queryFn: fetchOwners });

  return (
    <Page title={t('authoring.listTitle')} lead={t('authoring.listLead')}>
      <Section title={t('authoring.courses')} id="authoring-courses">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <p className="ds-paragraph">{t('authoring.noCourses')}</p>
        ) : (
          <TableWrap label={t('authoring.courses')}>
            <table className="ds-table" data-border="true">
              <thead>
                <tr>
                  <th scope="col">{t('authoring.colTitle')}</th>
                  <th scope="col">{t('authoring.colOwner')}</th>
                  <th scope="col">{t('authoring.colState')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link className="ds-link" to={`/forfatta/kurser/${c.id}`}>
                        {c.title}
                      </Link>
                    </td>
                    <td>
                      {c.ownerName} ({t(`authoring.visibility.${c.visibility}`)})
                    </td>
                    <td>
                      {c.publishedVersion === null
                        ? t('authoring.draftOnly')
                        : t('authoring.publishedVersion', { version: c.publishedVersion })}
                      {c.publishedVersion !== null && c.hasUnpublishedChanges ? (
                        <>
                          {' '}
                          <Tag color="warning">{t('authoring.unpublishedChanges')}</Tag>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </Section>
      {owners.data && owners.data.items.length > 0 ? (
        <>
          <CreateCourseForm owners={owners.data.items} />
          <ImportCourseForm owners={owners.data.items} />
        </>
      ) : null}
    </Page>
  );
}

function CreateCourseForm({
  owners,
}: {
  owners: { id: string; name: string; visibility: 'national' | 'region' | 'municipality' }[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const cf = useContractForm(CreateCourse, {
    id: 'new-course',
    defaultValues: {
      ownerOrganisationId: owners[0]!.id,
      visibility: owners[0]!.visibility,
      key: '',
      track: 'staff',
      title: '',
      summary: '',
    },
    labels: {
      ownerOrganisationId: t('authoring.owner'),
      key: t('authoring.key'),
      track: t('authoring.track'),
      title: t('authoring.title'),
      summary: t('authoring.summary'),
    },
    onSubmit: async (body) => {
      // The course is seen where its owner is: national, in the region or in the municipality.
      const owner = owners.find((o) => o.id === body.ownerOrganisationId);
      const course = await createCourse({ ...body, visibility: owner?.visibility ?? body.visibility });
      await qc.invalidateQueries({ queryKey: authoringKeys.list });
      navigate(`/forfatta/kurser/${course.id}`);
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !cf.busy);

  return (
    <Section title={t('authoring.create')} id="authoring-create">
      {leaving}
      <form onSubmit={cf.onSubmit} noValidate className="form">
        {cf.summary}
        <ContractSelectField
          cf={cf}
          name="ownerOrganisationId"
          hint={t('authoring.ownerHint')}
          required
          options={ownerOptions(owners, t)}
        />
        <ContractTextField
          cf={cf}
          name="key"
          hint={t('authoring.keyHint')}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <ContractSelectField
          cf={cf}
          name="track"
          required
          options={(['staff', 'managers', 'coordinators'] as const).map((v) => ({
            value: v,
            label: t(`authoring.tracks.${v}`),
          }))}
        />
        <ContractTextField cf={cf} name="title" required />
        <ContractTextField cf={cf} name="summary" required />
        <SubmitButton
          busy={cf.busy}
          label={t('authoring.createSubmit')}
          busyLabel={t('authoring.creating')}
        />
      </form>
    </Section>
  );
}

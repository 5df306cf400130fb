import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, Loading, Tag } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { authoringKeys, createCourse, fetchAuthoringCourses, fetchOwners, KeyPattern } from './data.ts';

type Track = 'staff' | 'managers' | 'coordinators';

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
      {owners.data && owners.data.items.length > 0 ? <CreateCourseForm owners={owners.data.items} /> : null}
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
  const form = useFormErrors('new-course');
  const [owner, setOwner] = useState(owners[0]!.id);
  const [key, setKey] = useState('');
  const [track, setTrack] = useState<Track>('staff');
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const fields = ['ownerOrganisationId', 'key', 'track', 'title', 'summary'];

  const create = useMutation({
    mutationFn: () => {
      const o = owners.find((x) => x.id === owner)!;
      return createCourse({
        key,
        track,
        ownerOrganisationId: o.id,
        visibility: o.visibility,
        title,
        summary,
      });
    },
    onSuccess: async (course) => {
      await qc.invalidateQueries({ queryKey: authoringKeys.list });
      navigate(`/forfatta/kurser/${course.id}`);
    },
    onError: (err) => form.failFromApi(err, fields),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!KeyPattern.safeParse(key).success) errors.key = t('authoring.keyInvalid');
    if (!title.trim()) errors.title = t('authoring.titleRequired');
    if (!summary.trim()) errors.summary = t('authoring.summaryRequired');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    create.mutate();
  };

  return (
    <Section title={t('authoring.create')} id="authoring-create">
      <form onSubmit={submit} noValidate className="form">
        {form.summary}
        <SelectField
          id={form.fieldId('ownerOrganisationId')}
          label={t('authoring.owner')}
          hint={t('authoring.ownerHint')}
          required
          value={owner}
          onValueChange={setOwner}
          options={owners.map((o) => ({
            value: o.id,
            label: `${o.name} (${t(`authoring.visibility.${o.visibility}`)})`,
          }))}
          error={form.errors.ownerOrganisationId}
        />
        <TextField
          id={form.fieldId('key')}
          label={t('authoring.key')}
          hint={t('authoring.keyHint')}
          required
          value={key}
          onValueChange={setKey}
          autoComplete="off"
          spellCheck={false}
          error={form.errors.key}
        />
        <SelectField<Track>
          id={form.fieldId('track')}
          label={t('authoring.track')}
          required
          value={track}
          onValueChange={setTrack}
          options={(['staff', 'managers', 'coordinators'] as const).map((v) => ({
            value: v,
            label: t(`authoring.tracks.${v}`),
          }))}
          error={form.errors.track}
        />
        <TextField
          id={form.fieldId('title')}
          label={t('authoring.title')}
          required
          value={title}
          onValueChange={setTitle}
          error={form.errors.title}
        />
        <TextField
          id={form.fieldId('summary')}
          label={t('authoring.summary')}
          required
          value={summary}
          onValueChange={setSummary}
          error={form.errors.summary}
        />
        <SubmitButton
          busy={create.isPending}
          label={t('authoring.createSubmit')}
          busyLabel={t('authoring.creating')}
        />
      </form>
    </Section>
  );
}

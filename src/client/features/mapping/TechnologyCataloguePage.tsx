import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roleAllows } from '../../../shared/access/index.ts';
import {
  type TechnologyCategory,
  TechnologyDetails,
  TechnologyList,
  technologyCategories,
} from '../../../shared/contracts/mapping.ts';
import { LiveStatus, Loading } from '../../components/Feedback.tsx';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api, qs } from '../../lib/api.ts';
import { useMe } from '../../lib/session.ts';
import { DefinitionLink } from '../definitions/DefinitionLink.tsx';

const fields = ['key', 'category', 'nameSv', 'nameEn', 'descriptionSv', 'descriptionEn'] as const;
type Field = (typeof fields)[number];

/**
 * The national catalogue of welfare technologies. Everyone signed in reads it; national administrators
 * add technologies and change names, descriptions and categories in both languages.
 */
export function TechnologyCataloguePage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['technologies', i18n.language],
    queryFn: () => api.get(`/technologies${qs({ lang: i18n.language })}`, TechnologyList),
  });
  if (list.isPending || me.isPending) return <Loading />;
  if (list.isError) return <QueryFailure error={list.error} onRetry={() => void list.refetch()} />;
  const canManage = me.data?.memberships.some((m) => roleAllows(m.role, 'technology.manage')) ?? false;
  const caption = t('mapping.catalogue.caption');
  return (
    <Page
      title={t('mapping.catalogue.title')}
      lead={
        <>
          {t('mapping.catalogue.lead')}{' '}
          <DefinitionLink term="welfare-technology">{t('definitions.link.welfareTechnology')}</DefinitionLink>
        </>
      }
    >
      <LiveStatus message={saved} />
      <TableWrap label={caption}>
        <table className="ds-table" data-border="true">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.catalogue.name')}</th>
              <th scope="col">{t('mapping.catalogue.category')}</th>
              <th scope="col">{t('mapping.catalogue.description')}</th>
              {canManage ? <th scope="col">{t('mapping.technologies.change')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((tech) => (
              <tr key={tech.key}>
                <th scope="row">{tech.name}</th>
                <td>{t(`mapping.categories.${tech.category}`)}</td>
                <td>
                  {tech.description}{' '}
                  <Link className="ds-link" to={`/kunskapsbank/vem-har-gjort/${tech.key}`}>
                    {t('cases.whoLinkFor', { name: tech.name })}
                  </Link>
                </td>
                {canManage ? (
                  <td>
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      aria-expanded={editing === tech.key}
                      aria-controls="catalogue-edit"
                      aria-label={t('mapping.technologies.editTitle', { name: tech.name })}
                      onClick={() => setEditing(editing === tech.key ? null : tech.key)}
                    >
                      {t('mapping.technologies.edit')}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {canManage && editing === null ? (
        <p>
          <button
            type="button"
            className="ds-button"
            data-variant="secondary"
            onClick={() => setEditing('new')}
          >
            {t('mapping.catalogue.add')}
          </button>
        </p>
      ) : null}
      {canManage && editing !== null ? (
        <TechnologyForm
          key={editing}
          technologyKey={editing === 'new' ? null : editing}
          onDone={(name) => {
            setEditing(null);
            setSaved(t('mapping.technologies.saved', { name }));
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </Page>
  );
}

const empty: TechnologyDetails = {
  key: '',
  category: 'safety',
  nameSv: '',
  nameEn: '',
  descriptionSv: '',
  descriptionEn: '',
};

function TechnologyForm({
  technologyKey,
  onDone,
  onCancel,
}: {
  technologyKey: string | null;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const current = useQuery({
    queryKey: ['technology', technologyKey],
    queryFn: () => api.get(`/technologies/${encodeURIComponent(technologyKey ?? '')}`, TechnologyDetails),
    enabled: technologyKey !== null,
  });
  if (technologyKey !== null && current.isPending) return <Loading />;
  if (current.isError) return <QueryFailure error={current.error} onRetry={() => void current.refetch()} />;
  return (
    <TechnologyFields
      initial={current.data ?? empty}
      isNew={technologyKey === null}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}

function TechnologyFields({
  initial,
  isNew,
  onDone,
  onCancel,
}: {
  initial: TechnologyDetails;
  isNew: boolean;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const form = useFormErrors('catalogue-edit');
  const [values, setValues] = useState(initial);
  const set = (f: Field) => (v: string) => setValues((old) => ({ ...old, [f]: v }));
  const save = useMutation({
    mutationFn: () => {
      const { key, ...rest } = values;
      return isNew
        ? api.post('/technologies', TechnologyDetails, values)
        : api.put(`/technologies/${encodeURIComponent(key)}`, TechnologyDetails, rest);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.clear();
    save.mutate(undefined, {
      onSuccess: (saved) => {
        void qc.invalidateQueries({ queryKey: ['technologies'] });
        qc.removeQueries({ queryKey: ['technology', saved.key] });
        onDone(i18n.language === 'en' ? saved.nameEn : saved.nameSv);
      },
      onError: (err) => form.failFromApi(err, [...fields]),
    });
  };
  const id = (f: Field) => form.fieldId(f);
  const title = isNew
    ? t('mapping.catalogue.add')
    : t('mapping.technologies.editTitle', { name: i18n.language === 'en' ? initial.nameEn : initial.nameSv });
  return (
    <section className="section" id="catalogue-edit" aria-labelledby="catalogue-edit-heading">
      <h2
        className="ds-heading"
        data-size="sm"
        id="catalogue-edit-heading"
        tabIndex={-1}
        ref={(el) => el?.focus()}
      >
        {title}
      </h2>
      <form onSubmit={submit} noValidate className="stack">
        {form.summary}
        {isNew ? (
          <TextField
            id={id('key')}
            label={t('mapping.catalogue.key')}
            hint={t('mapping.catalogue.keyHint')}
            required
            value={values.key}
            onValueChange={set('key')}
            error={form.errors.key}
            maxLength={80}
          />
        ) : null}
        <SelectField<TechnologyCategory>
          id={id('category')}
          label={t('mapping.catalogue.category')}
          required
          value={values.category}
          onValueChange={set('category')}
          error={form.errors.category}
          options={technologyCategories.map((c) => ({ value: c, label: t(`mapping.categories.${c}`) }))}
        />
        <TextField
          id={id('nameSv')}
          label={t('mapping.catalogue.nameSv')}
          required
          value={values.nameSv}
          onValueChange={set('nameSv')}
          error={form.errors.nameSv}
          maxLength={120}
          lang="sv"
        />
        <TextField
          id={id('nameEn')}
          label={t('mapping.catalogue.nameEn')}
          required
          value={values.nameEn}
          onValueChange={set('nameEn')}
          error={form.errors.nameEn}
          maxLength={120}
          lang="en"
        />
        <TextAreaField
          id={id('descriptionSv')}
          label={t('mapping.catalogue.descriptionSv')}
          required
          value={values.descriptionSv}
          onValueChange={set('descriptionSv')}
          error={form.errors.descriptionSv}
          maxLength={1000}
          rows={3}
          lang="sv"
        />
        <TextAreaField
          id={id('descriptionEn')}
          label={t('mapping.catalogue.descriptionEn')}
          required
          value={values.descriptionEn}
          onValueChange={set('descriptionEn')}
          error={form.errors.descriptionEn}
          maxLength={1000}
          rows={3}
          lang="en"
        />
        <p className="card-actions">
          <SubmitButton
            busy={save.isPending}
            label={t('mapping.technologies.save')}
            busyLabel={t('mapping.technologies.saving')}
          />
          <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
            {t('mapping.technologies.cancel')}
          </button>
        </p>
      </form>
    </section>
  );
}

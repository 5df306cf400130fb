import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ImportJob, staffImportColumns } from '../../../shared/contracts/imports.ts';
import { Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { abilitiesAt, organisationKey, orgPath } from '../../lib/organisations.ts';
import { useMe } from '../../lib/session.ts';
import { ImportColumnsHelp } from '../imports/ImportColumnsHelp.tsx';
import type { ImportTableColumn } from '../imports/ImportRowsTable.tsx';
import { ImportRun } from '../imports/ImportRun.tsx';
import { ImportUpload } from '../imports/ImportUpload.tsx';
import { orgTrail, useRouteOrganisation } from '../organisations/OrganisationPage.tsx';
import { NotFoundPage } from '../static/NotFoundPage.tsx';

const columnText = {
  email: 'import.colEmail',
  name: 'import.colName',
  unit: 'import.colUnit',
  role: 'import.colRole',
  language: 'import.colLanguage',
  gender: 'import.colGender',
} as const;

const EXAMPLE = `E-post;Namn;Enhet;Roll;Språk;Kön
anna.lind@falun.se;Anna Lind;Hemtjänst Norr;medarbetare;sv;kvinna
omar.haddad@falun.se;Omar Haddad;Hemtjänst Norr;medarbetare;en;man
karin.berg@falun.se;Karin Berg;Hemtjänst Norr;enhetschef;sv;`;

/** `/organisationer/:id/importera`: staff from a CSV file, through the shared import pipeline. */
export function ImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const me = useMe();
  const { org, fallback } = useRouteOrganisation();
  const [runningId, setRunningId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (!org || !me.data) return fallback ?? <Loading />;
  if (!abilitiesAt(me.data, org).importStaff) return <NotFoundPage forbidden />;

  const columns: ImportTableColumn[] = [
    { key: 'email', label: t('members.email'), breakWords: true },
    { key: 'name', label: t('members.name') },
    { key: 'unit', label: t('orgs.units') },
    { key: 'role', label: t('members.role') },
  ];
  const reset = () => {
    setRunningId(null);
    setFormKey((k) => k + 1);
  };

  return (
    <Page
      breadcrumbs={orgTrail(org, t, t('orgs.importStaff'))}
      title={t('import.title', { name: org.name })}
      lead={t('import.intro')}
    >
      <ImportColumnsHelp
        columns={staffImportColumns.map((c) => ({ ...c, description: t(columnText[c.key]) }))}
        example={EXAMPLE}
      />
      {runningId ? (
        <ImportRun
          jobId={runningId}
          columns={columns}
          summary={(job) =>
            t('import.summary', {
              created: job.created,
              updated: job.updated,
              unchanged: job.unchanged,
              failed: job.failed,
            })
          }
          onFinished={() => {
            void qc.invalidateQueries({ queryKey: ['members', org.id] });
            void qc.invalidateQueries({ queryKey: organisationKey(org.id) });
          }}
          actions={
            <>
              <li>
                <button type="button" className="ds-button" data-variant="secondary" onClick={reset}>
                  {t('import.again')}
                </button>
              </li>
              <li>
                <Link className="ds-button" data-variant="secondary" to={`${orgPath(org.id)}/personer`}>
                  {t('import.toMembers')}
                </Link>
              </li>
            </>
          }
        />
      ) : (
        <ImportUpload
          key={formKey}
          columns={columns}
          upload={(body) =>
            api.post(`/imports/staff${qs({ organisationId: org.id, mode: 'preview' })}`, ImportJob, body)
          }
          onStarted={setRunningId}
        />
      )}
    </Page>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { contractImportColumns } from '../../../shared/contracts/contract-import.ts';
import { ImportJob } from '../../../shared/contracts/imports.ts';
import { ContractPage } from '../../../shared/contracts/supplier-contracts.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { ApiError, api, qs } from '../../lib/api.ts';
import { NotFoundPage } from '../static/NotFoundPage.tsx';
import { contractsKey, registerPath } from '../supplier-contracts/data.ts';
import { ImportColumnsHelp } from './ImportColumnsHelp.tsx';
import type { ImportTableColumn } from './ImportRowsTable.tsx';
import { ImportRun } from './ImportRun.tsx';
import { ImportUpload } from './ImportUpload.tsx';

/** The example and the template: the columns as Swedish Excel saves them, one contract a line. */
const EXAMPLE = `Avtalsnummer;Benämning;Leverantör;Teknik;Upphandlingsform;Ramavtal;Startdatum;Slutdatum;Förlängning;Sista beslutsdatum förlängning;Uppsägningstid (månader);Årligt värde (SEK);Ansvarig;Anteckning
KS-2024-017;Trygghetslarm;Exempelbolaget Trygghet AB;Digitalt trygghetslarm;Avrop från ramavtal;Adda Trygghetslarm;2024-03-01;2026-02-28;2+1+1;2025-09-30;6;1 250 000;;
KS-2023-102;Läkemedelsautomater;559100-0038;Läkemedelsautomat;Egen upphandling;;2023-09-01;2025-08-31;+1;;3;480 000;;`;

const TEMPLATE = `${contractImportColumns.map((c) => c.headers[0]!.charAt(0).toUpperCase() + c.headers[0]!.slice(1)).join(';')}\r\n`;
/** UTF-8 with a BOM, which Excel opens with å, ä and ö intact ("CSV UTF-8"). */
const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`;

/** `/kommuner/:code/avtal/importera`: the municipality's contract list from Excel, previewed and confirmed. */
export function ContractImportPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { code = '' } = useParams();
  const [runningId, setRunningId] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  // The register's first page names the municipality and says whether the reader keeps its register.
  const register = useQuery({
    queryKey: [...contractsKey, 'list', code, 'import-page'],
    queryFn: () =>
      api.get(`/municipalities/${encodeURIComponent(code)}/contracts${qs({ limit: 1 })}`, ContractPage),
  });
  // Another municipality's register (403) or no such municipality (404): the same page as for a reader.
  if (register.error instanceof ApiError && (register.error.status === 403 || register.error.status === 404))
    return <NotFoundPage forbidden={register.error.status === 403} />;
  if (register.isError) return <ErrorAlert error={register.error} onRetry={() => void register.refetch()} />;
  if (!register.data) return <Loading />;
  if (!register.data.canCreate) return <NotFoundPage forbidden />;
  const name = register.data.municipality.name;

  const columns: ImportTableColumn[] = [
    { key: 'externalRef', label: t('contractImport.col.externalRef') },
    { key: 'title', label: t('contractImport.col.title') },
    { key: 'supplier', label: t('contractImport.col.supplier') },
    { key: 'technologies', label: t('contractImport.col.technologies') },
    { key: 'startsOn', label: t('contractImport.col.startsOn') },
    { key: 'endsOn', label: t('contractImport.col.endsOn') },
  ];
  const reset = () => {
    setRunningId(null);
    setFormKey((k) => k + 1);
  };

  return (
    <Page
      title={t('contractImport.title', { name })}
      lead={t('contractImport.lead')}
      breadcrumbs={[
        { to: '/avtal', label: t('supplierContracts.nav') },
        { to: registerPath(code), label: name },
        { label: t('contractImport.crumb') },
      ]}
    >
      <ImportColumnsHelp
        columns={contractImportColumns.map((c) => ({
          ...c,
          headers: c.headers.map((h) => h.charAt(0).toUpperCase() + h.slice(1)),
          description: t(`contractImport.help.${c.key}`),
        }))}
        example={EXAMPLE}
      >
        <p className="ds-paragraph">
          <a className="ds-link" href={templateHref} download="avtalslista-mall.csv">
            {t('contractImport.template')}
          </a>
        </p>
      </ImportColumnsHelp>
      {runningId ? (
        <ImportRun
          jobId={runningId}
          columns={columns}
          summary={(job) =>
            t('contractImport.summary', {
              created: job.created,
              updated: job.updated,
              unchanged: job.unchanged,
              failed: job.failed,
            })
          }
          onFinished={() => void qc.invalidateQueries({ queryKey: contractsKey })}
          actions={
            <>
              <li>
                <button type="button" className="ds-button" data-variant="secondary" onClick={reset}>
                  {t('import.again')}
                </button>
              </li>
              <li>
                <Link className="ds-button" data-variant="secondary" to={registerPath(code)}>
                  {t('contractImport.toRegister')}
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
            api.post(
              `/municipalities/${encodeURIComponent(code)}/contracts/import${qs({ mode: 'preview' })}`,
              ImportJob,
              body,
            )
          }
          onStarted={setRunningId}
        />
      )}
    </Page>
  );
}

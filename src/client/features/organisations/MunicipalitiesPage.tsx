import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { Municipality, MunicipalityList } from '../../../shared/contracts/organisations.ts';
import { ErrorAlert, Loading, Tag } from '../../components/Feedback.tsx';
import { SelectField, TextField } from '../../components/Form.tsx';
import { Page } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { orgPath } from '../../lib/organisations.ts';

const collator = new Intl.Collator('sv', { sensitivity: 'base' });

function normalise(s: string) {
  return s.toLocaleLowerCase('sv').normalize('NFC');
}

export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities'],
    queryFn: () => api.get('/municipalities', MunicipalityList),
    staleTime: 10 * 60_000,
  });
}

export function MunicipalitiesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const county = params.get('lan') ?? '';
  const deferredQ = useDeferredValue(q);
  const list = useMunicipalities();

  const counties = useMemo(() => {
    const map = new Map<string, string>();
    for (const m of list.data?.items ?? []) map.set(m.countyCode, m.countyName);
    return [...map.entries()].sort((a, b) => collator.compare(a[1], b[1]));
  }, [list.data]);

  const shown = useMemo(() => {
    const needle = normalise(deferredQ.trim());
    return (list.data?.items ?? []).filter(
      (m) =>
        (!county || m.countyCode === county) &&
        (!needle ||
          normalise(m.name).includes(needle) ||
          m.code.startsWith(needle) ||
          normalise(m.countyName).includes(needle)),
    );
  }, [list.data, deferredQ, county]);

  function update(key: string, value: string) {
    // Start from the address bar, not this render's params: the router re-renders in a transition, so
    // a second quick change (clear the search, then pick a county) would otherwise bring back the first.
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <Page title={t('orgs.municipalitiesTitle')} lead={t('orgs.municipalitiesIntro')}>
      <search className="filters" aria-label={t('orgs.search')}>
        <TextField
          id="municipality-search"
          label={t('orgs.search')}
          hint={t('orgs.searchHint')}
          type="search"
          value={q}
          onValueChange={(v) => update('q', v)}
        />
        <SelectField
          id="municipality-county"
          label={t('orgs.countyFilter')}
          value={county}
          onValueChange={(v) => update('lan', v)}
          options={[
            { value: '', label: t('orgs.allCounties') },
            ...counties.map(([code, name]) => ({ value: code, label: name })),
          ]}
        />
      </search>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <p className="ds-paragraph result-count" role="status">
            {t('orgs.resultCount', { count: shown.length })}
          </p>
          {shown.length === 0 ? (
            <p className="ds-paragraph">{t('orgs.noResults')}</p>
          ) : (
            <TableWrap label={t('orgs.tableCaption')}>
              <table className="ds-table" data-border="true" data-zebra="true">
                <caption>{t('orgs.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('orgs.name')}</th>
                    <th scope="col">{t('orgs.code')}</th>
                    <th scope="col">{t('orgs.county')}</th>
                    <th scope="col">{t('orgs.flags')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((m: Municipality) => (
                    <tr key={m.id}>
                      <th scope="row">
                        <Link className="ds-link" to={orgPath(m.id)}>
                          {m.name}
                        </Link>
                      </th>
                      <td>{m.code}</td>
                      <td>{m.countyName}</td>
                      <td>
                        {m.flags.includes('model_municipality') ? (
                          <Tag>{t('orgs.modelMunicipality')}</Tag>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      ) : null}
    </Page>
  );
}

/** /kommuner/:code → the municipality's organisation page. */
export function MunicipalityByCode() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const one = useQuery({
    queryKey: ['municipality', code],
    queryFn: () => api.get(`/municipalities/${encodeURIComponent(code)}`, Municipality),
    retry: false,
  });
  if (one.data) return <Navigate to={orgPath(one.data.id)} replace />;
  return (
    <Page title={t('orgs.municipalitiesTitle')}>
      {one.isError ? <ErrorAlert error={one.error} /> : <Loading />}
    </Page>
  );
}

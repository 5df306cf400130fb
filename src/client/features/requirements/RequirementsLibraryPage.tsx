import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { SearchForm, type SearchTexts } from '../../components/SearchForm.tsx';
import { LibraryResults } from './LibraryResults.tsx';
import {
  type FilterValues,
  filterParams,
  filtersFrom,
  RequirementFilterForm,
} from './RequirementFilterForm.tsx';

/**
 * /kravbibliotek — search the library in Swedish (word forms, hits marked), filter it, and add a
 * requirement. Search words and filters live in the address, so a result can be shared.
 */
export function RequirementsLibraryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const filters = filtersFrom(params);
  const update = (next: { q?: string; filters?: FilterValues }) => {
    const merged = { q: next.q ?? q, ...filterParams(next.filters ?? filters) };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)));
  };
  return (
    <Page title={t('requirements.title')} lead={t('requirements.lead')}>
      <p className="page-actions">
        <Link className="ds-button" data-variant="primary" to="/kravbibliotek/nytt">
          {t('requirements.newRequirement')}
        </Link>
        <Link className="ds-button" data-variant="secondary" to="/kravspecifikationer">
          {t('requirements.specsLink')}
        </Link>
      </p>
      <SearchForm
        key={q}
        id="requirement-search-q"
        q={q}
        texts={t('requirements.search', { returnObjects: true }) as SearchTexts}
        onSearch={(next) => update({ q: next })}
      />
      <RequirementFilterForm
        key={JSON.stringify(filters)}
        filters={filters}
        onApply={(f) => update({ filters: f })}
      />
      <LibraryResults q={q} filters={filters} id="requirement-results" />
    </Page>
  );
}

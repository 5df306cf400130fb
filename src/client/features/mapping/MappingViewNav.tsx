import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { API, qs } from '../../lib/api.ts';
import { type ScopeParams, scopeSearch } from './mapping-scope.ts';
import { ScopePicker } from './ScopePicker.tsx';

const valueKey = (scope: ScopeParams) => scopeSearch(scope) || 'SE';

/**
 * Links between the table, the map and the gaps of one area, and the download of its figures. Links,
 * not tabs: each view has its own address, so it can be bookmarked and sent to the steering group.
 */
export function MappingViewNav({ scope }: { scope: ScopeParams }) {
  const { t, i18n } = useTranslation();
  const search = scopeSearch(scope);
  const views = [
    { to: `/valfardsteknik${search}`, label: t('mapping.views.matrix') },
    { to: `/valfardsteknik/karta${search}`, label: t('mapping.views.map') },
    { to: `/valfardsteknik/luckor${search}`, label: t('mapping.views.gaps') },
    { to: '/valfardsteknik/katalog', label: t('mapping.catalogue.link') },
  ];
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `${API}/adoption/export${qs({ format, region: scope.region, association: scope.association, lang: i18n.language })}`;
  return (
    <div className="mapping-views">
      <ScopePicker key={valueKey(scope)} scope={scope} />
      <nav aria-label={t('mapping.views.label')}>
        <ul className="view-links">
          {views.map((v) => (
            <li key={v.to}>
              <NavLink end className="ds-link" to={v.to}>
                {v.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <ul className="view-links" aria-label={t('mapping.views.export')}>
        <li>
          <a className="ds-link" href={exportUrl('csv')} download>
            {t('mapping.views.exportCsv')}
          </a>
        </li>
        <li>
          <a className="ds-link" href={exportUrl('xlsx')} download>
            {t('mapping.views.exportXlsx')}
          </a>
        </li>
      </ul>
    </div>
  );
}

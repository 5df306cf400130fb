import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** Links between the plan views: plans, the needs backlog, funding and benefits. */
export function PlansNav() {
  const { t } = useTranslation();
  const links = [
    { to: '/handlingsplaner', label: t('actionPlans.nav.plans') },
    { to: '/behov', label: t('actionPlans.nav.needs') },
    { to: '/insatser/oversikt', label: t('actionPlans.nav.totals') },
  ];
  return (
    <nav className="plans-nav" aria-label={t('actionPlans.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink className="ds-link" to={l.to} end>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

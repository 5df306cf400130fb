import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './nav.css';

/** One step of a trail: a page above this one (`to`), or this page itself (no `to`). */
export interface Crumb {
  to?: string;
  label: string;
  /** The label's `lang` attribute when it is content in another language (a course title). */
  lang?: string;
}

/**
 * The trail from the section's start to this page. Pages pass it to `Page` (or render it before their
 * heading) so that it comes first in reading order; on a phone only the step up is shown, on one line.
 */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useTranslation();
  const up = items.findLastIndex((c) => c.to !== undefined);
  return (
    <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
      <ol>
        {items.map((c, i) => (
          <li
            key={c.to ?? `current-${c.label}`}
            className={i === up ? 'crumb-up' : undefined}
            aria-current={c.to === undefined ? 'page' : undefined}
            lang={c.lang}
          >
            {c.to !== undefined ? (
              <Link className="ds-link" to={c.to}>
                {c.label}
              </Link>
            ) : (
              c.label
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

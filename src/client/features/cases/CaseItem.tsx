import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../shared/contracts/cases.ts';
import type { HighlightPart } from '../../../shared/contracts/documents.ts';
import { Tag } from '../../components/Feedback.tsx';
import { Highlighted } from '../documents/Highlighted.tsx';

/**
 * One case in a list or among search results: title (hits marked), whose and how far it got, the model
 * municipality badge, and "who has done this?" for each of its technologies.
 */
export function CaseItem({
  item,
  title,
  snippet,
}: {
  item: CaseSummary;
  title?: HighlightPart[];
  snippet?: HighlightPart[];
}) {
  const { t } = useTranslation();
  return (
    <li className="case-item" data-model={item.municipality.isModel || undefined}>
      <h3 className="ds-heading" data-size="xs">
        <Link className="ds-link" to={`/kunskapsbank/${item.id}`}>
          {title?.length ? <Highlighted parts={title} /> : item.title}
        </Link>
      </h3>
      <p className="ds-paragraph" data-size="sm">
        {t('cases.meta', {
          municipality: item.municipality.name,
          phase: t(`initiatives.phase.${item.phaseReached}`),
        })}
      </p>
      <p className="tags">
        {item.municipality.isModel ? <Tag color="info">{t('cases.modelBadge')}</Tag> : null}
        {item.status !== 'published' ? <Tag color="warning">{t(`cases.status.${item.status}`)}</Tag> : null}
        {item.isDemo ? <Tag color="neutral">{t('cases.demoBadge')}</Tag> : null}
        {item.hasContact ? <Tag color="success">{t('cases.hasContact')}</Tag> : null}
      </p>
      {snippet?.length ? (
        <p className="ds-paragraph case-snippet" data-size="sm">
          <Highlighted parts={snippet} />
        </p>
      ) : (
        <p className="ds-paragraph" data-size="sm">
          {item.summary}
        </p>
      )}
      <ul className="case-tech-links">
        {item.technologies.map((tech) => (
          <li key={tech.key}>
            <Link className="ds-link" to={`/kunskapsbank/vem-har-gjort/${tech.key}`}>
              {t('cases.whoLinkFor', { name: tech.name })}
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}

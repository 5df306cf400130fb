import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GoverningDocument, HighlightPart } from '../../../shared/contracts/documents.ts';
import { Tag } from '../../components/Feedback.tsx';
import { Highlighted } from './Highlighted.tsx';

/** One document in a list or among search results: title (highlighted), what and whose, and hits. */
export function DocumentItem({
  doc,
  title,
  snippet,
}: {
  doc: GoverningDocument;
  title?: HighlightPart[];
  snippet?: HighlightPart[];
}) {
  const { t } = useTranslation();
  return (
    <li className="document-item">
      <h3 className="ds-heading" data-size="xs">
        <Link className="ds-link" to={`/styrdokument/${doc.id}`}>
          {title?.length ? <Highlighted parts={title} /> : doc.title}
        </Link>
      </h3>
      <p className="ds-paragraph" data-size="sm">
        {t('documents.list.meta', {
          kind: t(`documents.kinds.${doc.kind}`),
          level: t(`documents.levels.${doc.level}`),
          owner: doc.owner.name,
        })}
      </p>
      <p className="tags">
        <Tag color={doc.status === 'adopted' ? 'success' : 'neutral'}>
          {t(`documents.statuses.${doc.status}`)}
        </Tag>
        {doc.reviewDue ? <Tag color="warning">{t('documents.list.reviewDue')}</Tag> : null}
      </p>
      {snippet?.length ? (
        <p className="ds-paragraph document-snippet" data-size="sm">
          <Highlighted parts={snippet} />
        </p>
      ) : null}
    </li>
  );
}

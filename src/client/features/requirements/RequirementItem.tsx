import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HighlightPart } from '../../../shared/contracts/documents.ts';
import type { RequirementSummary } from '../../../shared/contracts/requirements.ts';
import { Tag } from '../../components/Feedback.tsx';
import { Highlighted } from '../documents/Highlighted.tsx';

/** One requirement in the library's list or search results: its text (hits marked) and its facts. */
export function RequirementItem({
  item,
  text,
  children,
}: {
  item: RequirementSummary;
  text?: HighlightPart[];
  /** An action for this requirement (the builder's "Add"). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li className="requirement-item">
      <p className="ds-paragraph requirement-text">
        <Link className="ds-link" to={`/kravbibliotek/${item.id}`}>
          {text?.length ? <Highlighted parts={text} /> : item.current.textSv}
        </Link>
      </p>
      <p className="tags">
        <Tag color={item.current.level === 'must' ? 'accent' : 'neutral'}>
          {t(`requirements.levels.${item.current.level}`)}
        </Tag>
        <Tag color="neutral">{t(`requirements.categories.${item.current.category}`)}</Tag>
      </p>
      <p className="ds-paragraph muted" data-size="sm">
        {[
          t('requirements.list.owner', { name: item.owner.name }),
          t('requirements.list.version', { version: item.current.version }),
          t('requirements.list.usedIn', { count: item.usedIn }),
          t('requirements.list.lessons', { count: item.lessonCount }),
        ].join(' · ')}
      </p>
      {children}
    </li>
  );
}

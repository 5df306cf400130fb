import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SpecificationDetail } from '../../../shared/contracts/requirements.ts';
import { Tag } from '../../components/Feedback.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { Downloads } from './SpecificationDownloads.tsx';

/** A specification for a reader outside its owner: the rows in order, and the downloads. */
export function SpecificationView({ spec }: { spec: SpecificationDetail }) {
  const { t } = useTranslation();
  return (
    <Page title={spec.title} lead={`${spec.owner.name} · ${spec.technology.name}`}>
      <p className="ds-paragraph">
        <Link className="ds-link" to="/kravspecifikationer">
          {t('requirements.builder.back')}
        </Link>
      </p>
      <p className="ds-paragraph">{t('requirements.builder.readOnly', { owner: spec.owner.name })}</p>
      <Downloads id={spec.id} dirty={false} />
      {spec.introduction ? <p className="ds-paragraph">{spec.introduction}</p> : null}
      <Section title={t('requirements.builder.rowsHeading')} id="spec-rows">
        <ol className="spec-rows">
          {spec.items.map((i) => (
            <li key={i.requirementId} className="spec-row">
              <p className="ds-paragraph requirement-text">
                <Link className="ds-link" to={`/kravbibliotek/${i.requirementId}`}>
                  {i.textSv}
                </Link>
              </p>
              <p className="tags">
                <Tag color={i.level === 'must' ? 'accent' : 'neutral'}>
                  {t(`requirements.levels.${i.level}`)}
                </Tag>
                <Tag color="neutral">{t(`requirements.categories.${i.category}`)}</Tag>
              </p>
            </li>
          ))}
        </ol>
      </Section>
    </Page>
  );
}

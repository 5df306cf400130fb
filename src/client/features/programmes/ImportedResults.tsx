import { useTranslation } from 'react-i18next';
import type { PackageFormat } from '../../../shared/contracts/imported-course.ts';
import type { ModuleResultSummary, WrongInteraction } from '../../../shared/contracts/imported-results.ts';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatNumber, formatPercent } from './shared.ts';

export const packageFormatName: Record<PackageFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  cmi5: 'cmi5',
};

const score = (share: number | null, lang: string) => (share === null ? '–' : formatPercent(share, lang));

/**
 * Each module of an imported SCORM or cmi5 course with its learners' results, no names: used by the
 * programme report and the author's feedback page.
 */
export function ModuleResultsTable({
  caption,
  format,
  modules,
}: {
  caption: string;
  format: PackageFormat;
  modules: readonly (ModuleResultSummary & { key: string; title: string })[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Only cmi5 AUs can be waived: the column would always say 0 for SCORM.
  const cmi5 = format === 'cmi5';
  return (
    <TableWrap label={caption}>
      <table className="ds-table imported-results" data-border="true" data-zebra="true">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.imported.module')}</th>
            <th scope="col" className="num">
              {t('programmes.imported.started')}
            </th>
            <th scope="col" className="num">
              {t('programmes.imported.completed')}
            </th>
            <th scope="col" className="num">
              {t('programmes.imported.passed')}
            </th>
            <th scope="col" className="num">
              {t('programmes.imported.failed')}
            </th>
            {cmi5 ? (
              <th scope="col" className="num">
                {t('programmes.imported.waived')}
              </th>
            ) : null}
            <th scope="col" className="num">
              {t('programmes.imported.average')}
            </th>
            <th scope="col" className="num">
              {t('programmes.imported.median')}
            </th>
          </tr>
        </thead>
        <tbody>
          {modules.map((m) => (
            <tr key={m.key}>
              <th scope="row">{m.title}</th>
              <td className="num">{formatNumber(m.started, lang)}</td>
              <td className="num">{formatNumber(m.completed, lang)}</td>
              <td className="num">{formatNumber(m.passed, lang)}</td>
              <td className="num">{formatNumber(m.failed, lang)}</td>
              {cmi5 ? <td className="num">{formatNumber(m.waived, lang)}</td> : null}
              <td className="num">{score(m.averageScore, lang)}</td>
              <td className="num">{score(m.medianScore, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A SCORM module's interactions most often answered wrong (feedback page). */
export function WrongInteractionsTable({
  moduleTitle,
  interactions,
}: {
  moduleTitle: string;
  interactions: readonly WrongInteraction[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const caption = t('programmes.imported.wrongOf', { module: moduleTitle });
  if (interactions.length === 0) return <p className="ds-paragraph">{t('programmes.imported.noWrong')}</p>;
  return (
    <TableWrap label={caption}>
      <table className="ds-table" data-border="true">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programmes.imported.question')}</th>
            <th scope="col" className="num">
              {t('programmes.imported.answers')}
            </th>
            <th scope="col" className="num">
              {t('programmes.imported.wrong')}
            </th>
          </tr>
        </thead>
        <tbody>
          {interactions.map((q) => (
            <tr key={q.id}>
              <th scope="row">{q.description ? `${q.description} (${q.id})` : q.id}</th>
              <td className="num">{formatNumber(q.answers, lang)}</td>
              <td className="num">{formatNumber(q.wrong, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

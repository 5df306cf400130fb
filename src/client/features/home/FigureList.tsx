import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StartFigure } from '../../../shared/contracts/start.ts';

/** The role's key figures, each a link to the list or dashboard behind it. */
export function FigureList({ figures }: { figures: readonly StartFigure[] }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE');
  return (
    <ul className="start-figures">
      {figures.map((f) => (
        <li key={`${f.key}|${f.scope}`}>
          <Link className="start-figure" to={f.to}>
            <span className="start-figure-value">
              {f.of === null
                ? number(f.value)
                : t('start.valueOf', { value: number(f.value), of: number(f.of) })}
            </span>{' '}
            <span className="start-figure-label">{t(`start.figure.${f.key}`)}</span>{' '}
            <span className="start-figure-scope">{f.scope}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

import type { UseFieldArrayReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { requirementLevels, type UpdateSpecification } from '../../../shared/contracts/requirements.ts';
import { Tag } from '../../components/Feedback.tsx';
import { type BoundForm, ContractSelectField, ContractTextAreaField } from '../../components/form/index.ts';

/** What a row shows beside its form fields: the text it took, whose, which category. */
export interface RowInfo {
  textSv: string;
  category: string;
  owner: string;
  currentVersion: number;
}

type Values = UpdateSpecification;

/**
 * The specification's rows in order: must/should per row, move up/down, remove, and an optional edited
 * text. Buttons are named by the row's number, so a screen reader hears which row they act on.
 */
export function SpecificationRows({
  cf,
  rows,
  info,
  announce,
  takeNewer,
}: {
  cf: BoundForm<Values>;
  rows: UseFieldArrayReturn<Values, 'items'>;
  info: (requirementId: string) => RowInfo | undefined;
  announce: (message: string) => void;
  /** Replaces row n's version with the library's newest. */
  takeNewer: (n: number) => void;
}) {
  const { t } = useTranslation();
  if (rows.fields.length === 0) return <p className="ds-paragraph">{t('requirements.builder.noRows')}</p>;
  return (
    <ol className="spec-rows">
      {rows.fields.map((field, n) => {
        const number = n + 1;
        const about = info(field.requirementId);
        return (
          <li key={field.id} className="spec-row">
            <h3 className="ds-heading" data-size="2xs">
              {t('requirements.builder.rowLabel', { number })}
            </h3>
            <p className="ds-paragraph requirement-text">{about?.textSv}</p>
            <p className="tags">
              {about ? <Tag color="neutral">{t(`requirements.categories.${about.category}`)}</Tag> : null}
              {about ? <Tag color="neutral">{about.owner}</Tag> : null}
              {about && about.currentVersion > field.version ? (
                <Tag color="warning">
                  {t('requirements.builder.newerVersion', { version: about.currentVersion })}
                </Tag>
              ) : null}
            </p>
            {about && about.currentVersion > field.version ? (
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                onClick={() => takeNewer(n)}
              >
                {t('requirements.builder.takeNewer', { number, version: about.currentVersion })}
              </button>
            ) : null}
            <div className="spec-row-controls">
              <ContractSelectField
                cf={cf}
                name={`items.${n}.level`}
                label={t('requirements.builder.level', { number })}
                options={requirementLevels.map((l) => ({ value: l, label: t(`requirements.levels.${l}`) }))}
              />
              <div className="spec-row-buttons">
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  aria-label={t('requirements.builder.up', { number })}
                  disabled={n === 0}
                  onClick={() => {
                    rows.move(n, n - 1);
                    announce(t('requirements.builder.moved', { number: number - 1 }));
                  }}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  aria-label={t('requirements.builder.down', { number })}
                  disabled={n === rows.fields.length - 1}
                  onClick={() => {
                    rows.move(n, n + 1);
                    announce(t('requirements.builder.moved', { number: number + 1 }));
                  }}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="ds-button"
                  data-variant="secondary"
                  onClick={() => {
                    rows.remove(n);
                    announce(t('requirements.builder.removed'));
                  }}
                >
                  {t('requirements.builder.remove', { number })}
                </button>
              </div>
            </div>
            <details className="spec-row-edit">
              <summary>{t('requirements.builder.editText', { number })}</summary>
              <ContractTextAreaField
                cf={cf}
                name={`items.${n}.textSv`}
                label={t('requirements.builder.editText', { number })}
                hint={t('requirements.builder.editTextHint')}
                lang="sv"
                rows={4}
              />
            </details>
          </li>
        );
      })}
    </ol>
  );
}

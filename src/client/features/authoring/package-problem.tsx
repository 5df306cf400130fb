import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Feedback.tsx';
import { PackageUploadError } from './data.ts';

/**
 * A refused package in words the author can act on: the problem's title (what is wrong, localised),
 * then the zip check's reason, the check's own detail and, for cmi5, the requirement it breaks. Null for any other failure.
 */
export function packageProblemText(err: unknown, t: TFunction): string | null {
  if (!(err instanceof PackageUploadError)) return null;
  const p = err.packageProblem;
  if (!p?.code.startsWith('package_')) return null;
  // The zip checks are few and named by code, so they are said in the reader's language; a manifest's
  // problems are the parsers' own English, shown as found.
  const zipReason = p.zipProblem ? t(`authoring.packages.zip.${p.zipProblem}`, { defaultValue: '' }) : '';
  return [
    p.title,
    zipReason || null,
    p.detail ? t('authoring.packages.detail', { detail: p.detail }) : null,
    p.violatedRequirement
      ? t('authoring.packages.requirement', { requirement: p.violatedRequirement })
      : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A failed upload as an alert: a refused package with its reasons, anything else as the app shows it. */
export function PackageErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = packageProblemText(error, t);
  if (text === null) return <ErrorAlert error={error} />;
  return (
    <div className="ds-alert" data-color="danger" role="alert">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}

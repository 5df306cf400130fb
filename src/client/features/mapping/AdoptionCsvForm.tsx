import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MunicipalityTechnologies } from '../../../shared/contracts/mapping.ts';
import { errorMessage, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import { ApiError, api, qs } from '../../lib/api.ts';

/** Row problems of a refused file, line and message, in the order of the file. */
function rowProblems(err: unknown): { line: string; message: string }[] {
  if (!(err instanceof ApiError)) return [];
  return (err.problem?.errors ?? []).flatMap((e) => {
    const line = /^file\.line\.(\d+)\./.exec(e.path)?.[1];
    return line ? [{ line, message: e.message }] : [];
  });
}

/** A coordinator updates many technologies at once from a CSV saved in Excel: all rows or none. */
export function AdoptionCsvForm({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post(
        `/municipalities/${encodeURIComponent(code)}/technologies/import${qs({ lang: i18n.language })}`,
        MunicipalityTechnologies,
        body,
      );
    },
    onSuccess: (next) => qc.setQueryData(['municipality-technologies', code, i18n.language], next),
    onError: () => queueMicrotask(() => errorRef.current?.focus()),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setMissing(!file);
    if (!file) {
      queueMicrotask(() => input.current?.focus());
      return;
    }
    upload.mutate(file);
  };
  const problems = upload.isError ? rowProblems(upload.error).map((p) => t('mapping.csv.rowProblem', p)) : [];
  return (
    <section className="section" aria-labelledby="adoption-csv-heading">
      <h2 className="ds-heading" data-size="sm" id="adoption-csv-heading">
        {t('mapping.csv.title')}
      </h2>
      <p className="ds-paragraph">{t('mapping.csv.lead')}</p>
      {upload.isError ? (
        <div className="ds-alert" data-color="danger" role="alert" tabIndex={-1} ref={errorRef}>
          <p className="ds-paragraph">{errorMessage(upload.error, t)}</p>
          {problems.length ? (
            <ul className="ds-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        <div className="ds-field field">
          <label className="ds-label" data-weight="medium" htmlFor="adoption-csv-file">
            {t('mapping.csv.file')}
          </label>
          {missing ? (
            <div className="ds-validation-message" data-color="danger" id="adoption-csv-file-error">
              {t('mapping.csv.chooseFile')}
            </div>
          ) : null}
          <input
            ref={input}
            id="adoption-csv-file"
            className="ds-input"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'adoption-csv-file-error' : undefined}
          />
        </div>
        <SubmitButton
          busy={upload.isPending}
          label={t('mapping.csv.submit')}
          busyLabel={t('mapping.csv.sending')}
          variant="secondary"
        />
      </form>
      <LiveStatus message={upload.isSuccess ? t('mapping.csv.done') : null} />
    </section>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DOCUMENT_MAX_BYTES, DOCUMENT_MAX_MB } from '../../../shared/contracts/documents.ts';
import { ProcurementView, RespondToInvitation } from '../../../shared/contracts/procurements.ts';
import { Loading } from '../../components/Feedback.tsx';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextField,
  describedBy,
  useContractForm,
} from '../../components/form/index.ts';
import { Page } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { procurementKey, procurementPath, procurementsKey, useProcurement } from './procurement-queries.ts';

/**
 * `/upphandlingar/:id/delta/:code`: an invited municipality's coordinator answers. To take part she
 * gives the date of the decision and uploads the signed power of attorney (checked by its content on
 * the server); or she declines.
 */
export function ConfirmParticipationPage() {
  const { t } = useTranslation();
  const { id = '', code = '' } = useParams();
  const q = useProcurement(id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryFailure error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const participant = p.participants.find((x) => x.municipality.code === code);
  const title = t('procurements.confirm.title', { name: participant?.municipality.name ?? code });
  return (
    <Page
      title={title}
      lead={t('procurements.confirm.lead', { title: p.title, lead: p.lead.name })}
      breadcrumbs={[
        { to: '/upphandlingar', label: t('procurements.list.title') },
        { to: procurementPath(p.id), label: p.title },
        { label: title },
      ]}
    >
      {participant?.canRespond ? (
        <ConfirmForm p={p} code={code} />
      ) : (
        <p className="ds-paragraph">{t('procurements.confirm.notYours')}</p>
      )}
      <p>
        <Link className="ds-link" to={procurementPath(p.id)}>
          {t('procurements.confirm.back')}
        </Link>
      </p>
    </Page>
  );
}

function ConfirmForm({ p, code }: { p: ProcurementView; code: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const fileInput = useRef<HTMLInputElement>(null);
  const cf = useContractForm(RespondToInvitation, {
    id: 'procurement-confirm',
    defaultValues: { decision: 'confirmed', decisionOn: undefined },
    labels: {
      decision: t('procurements.confirm.decision'),
      decisionOn: t('procurements.confirm.decisionOn'),
      file: t('procurements.confirm.file'),
    },
    onSubmit: async (values, { fail }) => {
      const file = fileInput.current?.files?.[0] ?? null;
      if (values.decision === 'confirmed' && !file)
        return fail({ file: t('procurements.confirm.chooseFile') });
      if (file && file.size > DOCUMENT_MAX_BYTES)
        return fail({ file: t('documents.form.fileTooLarge', { mb: DOCUMENT_MAX_MB }) });
      const body = new FormData();
      body.append('decision', values.decision);
      if (values.decisionOn) body.append('decisionOn', values.decisionOn);
      if (file && values.decision === 'confirmed') body.append('file', file);
      const next = await api.post(
        `/procurements/${p.id}/participants/${encodeURIComponent(code)}/confirm`,
        ProcurementView,
        body,
      );
      qc.setQueryData(procurementKey(p.id), next);
      void qc.invalidateQueries({ queryKey: procurementsKey });
      navigate(procurementPath(p.id));
    },
  });
  const decision = cf.form.watch('decision');
  const fileId = cf.fieldId('file');
  const fileError = cf.errorFor('file');
  return (
    <form className="procurement-form" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractSelectField
        cf={cf}
        name="decision"
        required
        options={[
          { value: 'confirmed', label: t('procurements.confirm.confirmed') },
          { value: 'declined', label: t('procurements.confirm.declined') },
        ]}
      />
      {decision === 'confirmed' ? (
        <>
          <ContractTextField cf={cf} name="decisionOn" type="date" required emptyAsUndefined />
          <div className="ds-field field">
            <label className="ds-label" data-weight="medium" htmlFor={fileId}>
              {cf.label('file')}
            </label>
            <div className="field-hint" id={`${fileId}-hint`}>
              {t('procurements.confirm.fileHint', { mb: DOCUMENT_MAX_MB })}
            </div>
            {fileError ? (
              <div className="ds-validation-message" data-color="danger" id={`${fileId}-error`}>
                {fileError}
              </div>
            ) : null}
            <input
              ref={fileInput}
              id={fileId}
              className="file-input"
              type="file"
              accept=".pdf,.docx,.odt,application/pdf"
              required
              aria-invalid={fileError ? true : undefined}
              aria-describedby={describedBy(fileId, true, fileError)}
            />
          </div>
        </>
      ) : null}
      <SubmitButton
        busy={cf.busy}
        label={t('procurements.confirm.submit')}
        busyLabel={t('procurements.saving')}
      />
    </form>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MAX_MB,
  DocumentFields,
  type DocumentOwner,
  documentKinds,
  documentLevels,
  documentStatuses,
  GoverningDocument,
} from '../../../shared/contracts/documents.ts';
import { SubmitButton, TextField } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  describedBy,
  useContractForm,
} from '../../components/form/index.ts';
import { api } from '../../lib/api.ts';

const splitFocusAreas = (s: string) =>
  s
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

/**
 * The metadata and file of a document, for a new one (one multipart request: a refused file stores
 * nothing) or an existing one (metadata, then the file if a new one is chosen). The server's messages —
 * a file too large, of the wrong type, a disguised program — appear in the error summary and at the field.
 */
export function DocumentForm({
  owners,
  existing,
  onSaved,
  onCancel,
}: {
  owners: DocumentOwner[];
  existing?: GoverningDocument;
  onSaved: (doc: GoverningDocument) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const ownerOptions =
    existing && !owners.some((o) => o.id === existing.owner.id) ? [existing.owner, ...owners] : owners;
  // Typed as a comma-separated line, sent as the list the contract wants.
  const [focusText, setFocusText] = useState(existing?.focusAreas.join(', ') ?? '');

  const save = useMutation({
    mutationFn: async ({ values, file }: { values: DocumentFields; file: File | null }) => {
      if (existing) {
        let doc = await api.put(`/documents/${existing.id}`, GoverningDocument, values);
        if (file) {
          const body = new FormData();
          body.append('file', file);
          doc = await api.put(`/documents/${existing.id}/file`, GoverningDocument, body);
        }
        return doc;
      }
      const body = new FormData();
      for (const [k, v] of Object.entries(values)) {
        if (Array.isArray(v)) for (const item of v) body.append(k, item);
        else if (v !== null && v !== undefined) body.append(k, v);
      }
      if (file) body.append('file', file);
      return api.post('/documents', GoverningDocument, body);
    },
  });

  const cf = useContractForm(DocumentFields, {
    id: 'document',
    defaultValues: {
      title: existing?.title ?? '',
      kind: existing?.kind,
      level: existing?.level,
      ownerOrganisationId: existing?.owner.id ?? (owners.length === 1 ? owners[0]!.id : undefined),
      status: existing?.status,
      adoptedOn: existing?.adoptedOn ?? null,
      validUntil: existing?.validUntil ?? null,
      reviewOn: existing?.reviewOn ?? null,
      focusAreas: existing?.focusAreas ?? [],
      summary: existing?.summary ?? '',
      url: existing?.url ?? null,
    },
    labels: {
      title: t('documents.fields.title'),
      kind: t('documents.fields.kind'),
      level: t('documents.fields.level'),
      ownerOrganisationId: t('documents.fields.owner'),
      status: t('documents.fields.status'),
      adoptedOn: t('documents.fields.adoptedOn'),
      validUntil: t('documents.fields.validUntil'),
      reviewOn: t('documents.fields.reviewOn'),
      focusAreas: t('documents.fields.focusAreas'),
      summary: t('documents.fields.summary'),
      url: t('documents.fields.url'),
      file: existing?.file ? t('documents.fields.replaceFile') : t('documents.fields.file'),
    },
    onSubmit: async (values, { form, fail }) => {
      const file = fileInput.current?.files?.[0] ?? null;
      // Checked before sending ten megabytes for nothing; the server checks it again.
      if (file && file.size > DOCUMENT_MAX_BYTES)
        return fail({ file: t('documents.form.fileTooLarge', { mb: DOCUMENT_MAX_MB }) });
      const doc = await save.mutateAsync({ values: { ...values, summary: values.summary || null }, file });
      form.reset(form.getValues());
      onSaved(doc);
    },
  });

  const choose = t('documents.fields.choose');
  const fileId = cf.fieldId('file');
  const fileError = cf.errorFor('file');

  return (
    <form onSubmit={cf.onSubmit} noValidate className="document-form">
      {cf.summary}
      <ContractTextField cf={cf} name="title" required maxLength={300} />
      <ContractSelectField
        cf={cf}
        name="kind"
        required
        placeholder={choose}
        options={documentKinds.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
      />
      <ContractSelectField
        cf={cf}
        name="level"
        required
        placeholder={choose}
        options={documentLevels.map((l) => ({ value: l, label: t(`documents.levels.${l}`) }))}
      />
      <ContractSelectField
        cf={cf}
        name="ownerOrganisationId"
        required
        {...(ownerOptions.length === 1 ? {} : { placeholder: choose })}
        options={ownerOptions.map((o) => ({ value: o.id, label: o.name }))}
      />
      <ContractSelectField
        cf={cf}
        name="status"
        required
        placeholder={choose}
        options={documentStatuses.map((s) => ({ value: s, label: t(`documents.statuses.${s}`) }))}
      />
      <ContractTextField cf={cf} name="adoptedOn" type="date" emptyAsNull />
      <ContractTextField cf={cf} name="validUntil" type="date" emptyAsNull />
      <ContractTextField
        cf={cf}
        name="reviewOn"
        type="date"
        emptyAsNull
        hint={t('documents.fields.reviewHint')}
      />
      <TextField
        id={cf.fieldId('focusAreas')}
        label={cf.label('focusAreas')}
        hint={t('documents.fields.focusHint')}
        value={focusText}
        onValueChange={(v) => {
          setFocusText(v);
          cf.form.setValue('focusAreas', splitFocusAreas(v), { shouldDirty: true });
        }}
        error={cf.errorFor('focusAreas')}
      />
      <ContractTextAreaField cf={cf} name="summary" rows={4} maxLength={4000} />
      <ContractTextField
        cf={cf}
        name="url"
        type="url"
        emptyAsNull
        hint={t('documents.fields.urlHint')}
        maxLength={2000}
      />
      <div className="ds-field field">
        <label className="ds-label" data-weight="medium" htmlFor={fileId}>
          {cf.label('file')}
        </label>
        <div className="field-hint" id={`${fileId}-hint`}>
          {t('documents.fields.fileHint', { mb: DOCUMENT_MAX_MB })}
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
          accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={describedBy(fileId, true, fileError)}
        />
      </div>
      <p className="card-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('documents.form.save')}
          busyLabel={t('documents.form.saving')}
        />
        <button type="button" className="ds-button" data-variant="tertiary" onClick={onCancel}>
          {t('documents.form.cancel')}
        </button>
      </p>
    </form>
  );
}

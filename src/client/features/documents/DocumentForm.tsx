import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MAX_MB,
  type DocumentFields,
  type DocumentOwner,
  documentFieldNames,
  documentKinds,
  documentLevels,
  documentStatuses,
  GoverningDocument,
} from '../../../shared/contracts/documents.ts';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';

const formFields = [...documentFieldNames, 'file'] as const;

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
  const form = useFormErrors('document');
  const fileInput = useRef<HTMLInputElement>(null);
  const ownerOptions =
    existing && !owners.some((o) => o.id === existing.owner.id) ? [existing.owner, ...owners] : owners;
  const [title, setTitle] = useState(existing?.title ?? '');
  const [kind, setKind] = useState<string>(existing?.kind ?? '');
  const [level, setLevel] = useState<string>(existing?.level ?? '');
  const [owner, setOwner] = useState(existing?.owner.id ?? (owners.length === 1 ? owners[0]!.id : ''));
  const [status, setStatus] = useState<string>(existing?.status ?? '');
  const [adoptedOn, setAdoptedOn] = useState(existing?.adoptedOn ?? '');
  const [validUntil, setValidUntil] = useState(existing?.validUntil ?? '');
  const [reviewOn, setReviewOn] = useState(existing?.reviewOn ?? '');
  const [focusAreas, setFocusAreas] = useState(existing?.focusAreas.join(', ') ?? '');
  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [url, setUrl] = useState(existing?.url ?? '');

  const fields = () => ({
    title: title.trim(),
    kind,
    level,
    ownerOrganisationId: owner,
    status,
    adoptedOn: adoptedOn || null,
    validUntil: validUntil || null,
    reviewOn: reviewOn || null,
    focusAreas: splitFocusAreas(focusAreas),
    summary: summary.trim() || null,
    url: url.trim() || null,
  });

  const save = useMutation({
    mutationFn: async (file: File | null) => {
      const values = fields();
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
        else if (v !== null) body.append(k, v);
      }
      if (file) body.append('file', file);
      return api.post('/documents', GoverningDocument, body);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0] ?? null;
    const errors: Record<string, string> = {};
    if (!title.trim()) errors.title = t('documents.form.titleRequired');
    if (!kind) errors.kind = t('documents.form.kindRequired');
    if (!level) errors.level = t('documents.form.levelRequired');
    if (!owner) errors.ownerOrganisationId = t('documents.form.ownerRequired');
    if (!status) errors.status = t('documents.form.statusRequired');
    if (file && file.size > DOCUMENT_MAX_BYTES)
      errors.file = t('documents.form.fileTooLarge', { mb: DOCUMENT_MAX_MB });
    if (Object.keys(errors).length) {
      form.fail(errors);
      return;
    }
    form.clear();
    save.mutate(file, {
      onSuccess: onSaved,
      onError: (err) => form.failFromApi(err, formFields),
    });
  };

  const err = (f: keyof DocumentFields | 'file') => form.errors[f];
  const id = (f: keyof DocumentFields | 'file') => form.fieldId(f);
  const choose = { value: '', label: t('documents.fields.choose') };

  return (
    <form onSubmit={submit} noValidate className="document-form">
      {form.summary}
      <TextField
        id={id('title')}
        label={t('documents.fields.title')}
        required
        value={title}
        onValueChange={setTitle}
        error={err('title')}
        maxLength={300}
      />
      <SelectField
        id={id('kind')}
        label={t('documents.fields.kind')}
        required
        value={kind}
        onValueChange={setKind}
        error={err('kind')}
        options={[choose, ...documentKinds.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))]}
      />
      <SelectField
        id={id('level')}
        label={t('documents.fields.level')}
        required
        value={level}
        onValueChange={setLevel}
        error={err('level')}
        options={[choose, ...documentLevels.map((l) => ({ value: l, label: t(`documents.levels.${l}`) }))]}
      />
      <SelectField
        id={id('ownerOrganisationId')}
        label={t('documents.fields.owner')}
        required
        value={owner}
        onValueChange={setOwner}
        error={err('ownerOrganisationId')}
        options={[
          ...(ownerOptions.length === 1 ? [] : [choose]),
          ...ownerOptions.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <SelectField
        id={id('status')}
        label={t('documents.fields.status')}
        required
        value={status}
        onValueChange={setStatus}
        error={err('status')}
        options={[
          choose,
          ...documentStatuses.map((s) => ({ value: s, label: t(`documents.statuses.${s}`) })),
        ]}
      />
      <TextField
        id={id('adoptedOn')}
        label={t('documents.fields.adoptedOn')}
        type="date"
        value={adoptedOn}
        onValueChange={setAdoptedOn}
        error={err('adoptedOn')}
      />
      <TextField
        id={id('validUntil')}
        label={t('documents.fields.validUntil')}
        type="date"
        value={validUntil}
        onValueChange={setValidUntil}
        error={err('validUntil')}
      />
      <TextField
        id={id('reviewOn')}
        label={t('documents.fields.reviewOn')}
        hint={t('documents.fields.reviewHint')}
        type="date"
        value={reviewOn}
        onValueChange={setReviewOn}
        error={err('reviewOn')}
      />
      <TextField
        id={id('focusAreas')}
        label={t('documents.fields.focusAreas')}
        hint={t('documents.fields.focusHint')}
        value={focusAreas}
        onValueChange={setFocusAreas}
        error={err('focusAreas')}
      />
      <div className="ds-field field">
        <label className="ds-label" data-weight="medium" htmlFor={id('summary')}>
          {t('documents.fields.summary')}
        </label>
        {err('summary') ? (
          <div className="ds-validation-message" data-color="danger" id={`${id('summary')}-error`}>
            {err('summary')}
          </div>
        ) : null}
        <textarea
          id={id('summary')}
          className="ds-input"
          rows={4}
          maxLength={4000}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          aria-invalid={err('summary') ? true : undefined}
          aria-describedby={err('summary') ? `${id('summary')}-error` : undefined}
        />
      </div>
      <TextField
        id={id('url')}
        label={t('documents.fields.url')}
        hint={t('documents.fields.urlHint')}
        type="url"
        value={url}
        onValueChange={setUrl}
        error={err('url')}
        maxLength={2000}
      />
      <div className="ds-field field">
        <label className="ds-label" data-weight="medium" htmlFor={id('file')}>
          {existing?.file ? t('documents.fields.replaceFile') : t('documents.fields.file')}
        </label>
        <div className="field-hint" id={`${id('file')}-hint`}>
          {t('documents.fields.fileHint', { mb: DOCUMENT_MAX_MB })}
        </div>
        {err('file') ? (
          <div className="ds-validation-message" data-color="danger" id={`${id('file')}-error`}>
            {err('file')}
          </div>
        ) : null}
        <input
          ref={fileInput}
          id={id('file')}
          className="file-input"
          type="file"
          accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
          aria-invalid={err('file') ? true : undefined}
          aria-describedby={[`${id('file')}-hint`, err('file') ? `${id('file')}-error` : null]
            .filter(Boolean)
            .join(' ')}
        />
      </div>
      <p className="card-actions">
        <SubmitButton
          busy={save.isPending}
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

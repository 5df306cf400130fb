import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common.ts';
import {
  type ContractDocumentKind,
  type ContractView,
  contractDocumentKinds,
} from '../../../shared/contracts/supplier-contracts.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SelectField } from '../../components/Form.tsx';
import { FileUploadForm } from '../../components/form/FileUploadForm.tsx';
import { API, api } from '../../lib/api.ts';
import { formatSize } from '../documents/document-queries.ts';
import { contractKey, historyKey } from './data.ts';

const Created = z.object({ id: z.uuid() });

/** A contract's files: read by the municipality, its region and associations; its owners add and remove. */
export function ContractDocuments({ c }: { c: ContractView }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<ContractDocumentKind>('contract');
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: contractKey(c.id) });
    void qc.invalidateQueries({ queryKey: historyKey(c.id) });
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return api.post(`/contracts/${c.id}/documents?kind=${kind}`, Created, body);
    },
    onSuccess: (_, file) => {
      refresh();
      setMessage(t('supplierContracts.documents.uploaded', { name: file.name }));
      if (input.current) input.current.value = '';
    },
  });
  const remove = useMutation({
    mutationFn: (doc: { id: string; fileName: string }) =>
      api.delete(`/contracts/${c.id}/documents/${doc.id}`, Ok),
    onSuccess: (_, doc) => {
      refresh();
      setMessage(t('supplierContracts.documents.removed', { name: doc.fileName }));
    },
  });
  return (
    <section aria-labelledby="contract-documents">
      <h2 className="ds-heading" data-size="sm" id="contract-documents">
        {t('supplierContracts.documents.title')}
      </h2>
      <LiveStatus message={message} />
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {c.documents === null ? (
        <p className="ds-paragraph">{t('supplierContracts.documents.hidden')}</p>
      ) : c.documents.length === 0 ? (
        <p className="ds-paragraph">{t('supplierContracts.documents.none')}</p>
      ) : (
        <ul className="link-list">
          {c.documents.map((d) => (
            <li key={d.id}>
              <a className="ds-link" href={`${API}/contracts/${c.id}/documents/${d.id}`} download>
                {d.fileName}
              </a>{' '}
              ({t(`supplierContracts.documents.kinds.${d.kind}`)}, {formatSize(d.sizeBytes, i18n.language)})
              {c.canEdit ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="ds-button"
                    data-variant="tertiary"
                    data-size="sm"
                    aria-busy={remove.isPending || undefined}
                    onClick={() => remove.mutate(d)}
                  >
                    {t('supplierContracts.documents.remove', { name: d.fileName })}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {c.canEdit ? (
        <>
          <SelectField
            id="contract-document-kind"
            label={t('supplierContracts.documents.kind')}
            value={kind}
            onValueChange={setKind}
            options={contractDocumentKinds.map((k) => ({
              value: k,
              label: t(`supplierContracts.documents.kinds.${k}`),
            }))}
          />
          <FileUploadForm
            id="contract-document-file"
            className="contract-upload"
            inputRef={input}
            texts={{
              label: t('supplierContracts.documents.file'),
              hint: t('supplierContracts.documents.hint'),
              chooseFile: t('supplierContracts.documents.chooseFile'),
              submit: t('supplierContracts.documents.upload'),
              busy: t('supplierContracts.documents.uploading'),
            }}
            busy={upload.isPending}
            onFile={(file) => {
              setMessage(null);
              if (file) upload.mutate(file);
            }}
          />
        </>
      ) : null}
    </section>
  );
}

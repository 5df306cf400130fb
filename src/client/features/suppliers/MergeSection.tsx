import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MergeSupplier,
  SupplierPage as SupplierPageSchema,
  SupplierView,
} from '../../../shared/contracts/suppliers.ts';
import { Loading } from '../../components/Feedback.tsx';
import { ChoiceInput, SubmitButton } from '../../components/Form.tsx';
import { FieldsetFrame, useContractForm } from '../../components/form/index.ts';
import { SearchForm } from '../../components/SearchForm.tsx';
import { api, qs } from '../../lib/api.ts';
import { supplierKey, suppliersKey } from './data.ts';

/**
 * Merging a duplicate into this supplier: find the duplicate by name or organisation number, choose it,
 * then confirm on a second step that says what moves. Nothing is merged before the confirmation.
 */
export function MergeSection({ supplier }: { supplier: SupplierView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [confirming, setConfirming] = useState(false);
  const candidates = useQuery({
    queryKey: [...suppliersKey, 'merge-candidates', q],
    queryFn: () => api.get(`/suppliers${qs({ q, limit: 20 })}`, SupplierPageSchema),
    enabled: q.length >= 2,
  });
  const options = (candidates.data?.items ?? []).filter((c) => c.id !== supplier.id);
  const cf = useContractForm(MergeSupplier, {
    id: 'merge-form',
    defaultValues: { duplicateId: '' },
    labels: { duplicateId: t('suppliers.merge.duplicate') },
    onSubmit: async ({ duplicateId }, { form }) => {
      const kept = await api.post(`/suppliers/${supplier.id}/merge`, SupplierView, { duplicateId });
      const name = options.find((o) => o.id === duplicateId)?.name ?? '';
      await qc.invalidateQueries({ queryKey: suppliersKey });
      qc.setQueryData(supplierKey(kept.id), kept);
      form.reset({ duplicateId: '' });
      setConfirming(false);
      setQ('');
      return t('suppliers.merge.done', { name });
    },
  });
  const chosenId = cf.form.watch('duplicateId');
  const chosen = options.find((o) => o.id === chosenId);

  return (
    <section aria-labelledby="supplier-merge">
      <h2 className="ds-heading" data-size="sm" id="supplier-merge">
        {t('suppliers.merge.title')}
      </h2>
      <p className="ds-paragraph">{t('suppliers.merge.intro', { name: supplier.name })}</p>
      {confirming ? null : (
        <SearchForm
          id="merge-q"
          q={q}
          texts={{
            heading: t('suppliers.merge.searchHeading'),
            label: t('suppliers.merge.searchLabel'),
            hint: t('suppliers.list.searchHint'),
            submit: t('suppliers.list.search'),
            clear: t('suppliers.list.clear'),
            tooShort: t('suppliers.list.tooShort'),
          }}
          onSearch={(value) => {
            cf.form.setValue('duplicateId', '');
            setQ(value);
          }}
        />
      )}
      <form className="form" onSubmit={cf.onSubmit} noValidate>
        {cf.summary}
        {confirming && chosen ? (
          <div className="ds-alert" data-color="warning">
            <p className="ds-paragraph">
              {t('suppliers.merge.confirmText', {
                duplicate: `${chosen.name} (${chosen.orgNumber})`,
                kept: supplier.name,
              })}
            </p>
            <div className="form-actions">
              <SubmitButton
                busy={cf.busy}
                label={t('suppliers.merge.confirm')}
                busyLabel={t('suppliers.merge.busy')}
              />
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                onClick={() => setConfirming(false)}
              >
                {t('suppliers.merge.back')}
              </button>
            </div>
          </div>
        ) : q.length >= 2 ? (
          candidates.isPending ? (
            <Loading />
          ) : options.length === 0 ? (
            <p className="ds-paragraph">{t('suppliers.merge.noCandidates')}</p>
          ) : (
            <>
              <FieldsetFrame
                id={cf.fieldId('duplicateId')}
                legend={cf.label('duplicateId')}
                error={cf.errorFor('duplicateId')}
              >
                <div className="radio-list">
                  {options.map((o) => (
                    <ChoiceInput
                      key={o.id}
                      type="radio"
                      id={`merge-candidate-${o.id}`}
                      label={`${o.name} (${o.orgNumber})`}
                      value={o.id}
                      {...cf.form.register('duplicateId')}
                    />
                  ))}
                </div>
              </FieldsetFrame>
              <div className="form-actions">
                <button
                  type="button"
                  className="ds-button"
                  data-variant="secondary"
                  onClick={async () => {
                    if (await cf.form.trigger('duplicateId')) setConfirming(true);
                  }}
                >
                  {t('suppliers.merge.next')}
                </button>
              </div>
            </>
          )
        ) : null}
        {cf.saved}
      </form>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { QueryTable } from '../../components/QueryTable.tsx';
import { useContractHistory } from './data.ts';

/** Field names in the history are the contract's own: shown with the form's labels. */
const fieldLabelKeys: Record<string, string> = {
  supplierId: 'supplierContracts.fields.supplierId',
  title: 'supplierContracts.fields.title',
  externalRef: 'supplierContracts.fields.externalRef',
  procurementForm: 'supplierContracts.fields.procurementForm',
  frameworkName: 'supplierContracts.fields.frameworkName',
  startsOn: 'supplierContracts.fields.startsOn',
  endsOn: 'supplierContracts.fields.endsOn',
  noticeMonths: 'supplierContracts.fields.noticeMonths',
  annualValueSek: 'supplierContracts.fields.annualValueSek',
  technologies: 'supplierContracts.fields.technologies',
  productIds: 'supplierContracts.fields.productIds',
  extensions: 'supplierContracts.extensions.title',
  responsibleUserId: 'supplierContracts.fields.responsibleUserId',
  notes: 'supplierContracts.fields.notes',
  document: 'supplierContracts.documents.title',
};

/** Dates, text and numbers as they are; lists and options as short text. */
function shown(value: unknown, monthsWord: string): string {
  if (value === null || value === undefined) return '–';
  if (Array.isArray(value))
    return (
      value
        .map((v) =>
          typeof v === 'object' && v !== null && 'months' in v
            ? `${(v as { months: number }).months} ${monthsWord} (${(v as { decideBy: string }).decideBy}, ${(v as { status: string }).status})`
            : String(v),
        )
        .join(', ') || '–'
    );
  return String(value);
}

/** Every change of the contract, newest first: who, when and each field from → to. */
export function ContractHistorySection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const history = useContractHistory(id);
  const items = history.data?.items ?? [];
  const months = t('supplierContracts.extensions.months').toLowerCase();
  const when = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (
    <section aria-labelledby="contract-history">
      <h2 className="ds-heading" data-size="sm" id="contract-history">
        {t('supplierContracts.history.title')}
      </h2>
      <QueryTable
        query={history}
        count={items.length}
        empty="–"
        caption={t('supplierContracts.history.caption')}
      >
        <thead>
          <tr>
            <th scope="col">{t('supplierContracts.history.when')}</th>
            <th scope="col">{t('supplierContracts.history.what')}</th>
            <th scope="col">{t('supplierContracts.history.who')}</th>
            <th scope="col">{t('supplierContracts.history.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id}>
              <td className="nowrap">{when.format(new Date(h.changedAt))}</td>
              <td>{t(`supplierContracts.history.actions.${h.action}`)}</td>
              <td>{h.changedBy ?? t('supplierContracts.history.unknown')}</td>
              <td>
                <ul className="contract-changes">
                  {Object.entries(h.changes).map(([field, change]) => (
                    <li key={field}>
                      {fieldLabelKeys[field] ? t(fieldLabelKeys[field]) : field}:{' '}
                      {h.action === 'created' || h.action === 'imported' || change.from === null
                        ? shown(change.to, months)
                        : `${shown(change.from, months)} → ${shown(change.to, months)}`}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </QueryTable>
    </section>
  );
}

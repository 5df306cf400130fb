import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateRisk,
  type InitiativeView,
  Risk,
  riskStatuses,
} from '../../../shared/contracts/initiatives.ts';
import { Tag } from '../../components/Feedback.tsx';
import { ContractSelectField, ContractTextAreaField, useContractForm } from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { ChildEditorFooter, type Editing, RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';

const scale = ['1', '2', '3', '4', '5'] as const;

function RiskForm({
  initiativeId,
  risk,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  risk: Risk | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const label = (f: string) => t(`initiativePage.risks.${f}`);
  const cf = useContractForm(CreateRisk, {
    id: 'risk',
    defaultValues: {
      description: risk?.description ?? '',
      likelihood: risk?.likelihood ?? 3,
      impact: risk?.impact ?? 3,
      mitigation: risk?.mitigation ?? '',
      status: risk?.status ?? 'open',
    },
    labels: {
      description: label('description'),
      likelihood: label('likelihood'),
      impact: label('impact'),
      mitigation: label('mitigation'),
      status: label('status'),
    },
    onSubmit: async (values) => {
      // An emptied mitigation is removed, not kept as an empty text.
      const body = { ...values, mitigation: values.mitigation || null };
      await (risk
        ? api.patch(`/initiatives/${initiativeId}/risks/${risk.id}`, Risk, body)
        : api.post(`/initiatives/${initiativeId}/risks`, Risk, body));
      await invalidate();
      onDone(t(risk ? 'initiativePage.risks.saved' : 'initiativePage.risks.added'));
    },
  });
  useFocusFirstField(cf.fieldId('description'));
  const scaleOptions = (kind: 'likelihood' | 'impact') =>
    scale.map((v) => ({ value: v, label: t(`initiativePage.risks.${kind}Level.${v}`) }));
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate aria-labelledby="risk-form-heading">
      <h3 className="ds-heading" data-size="xs" id="risk-form-heading">
        {risk ? t('initiativePage.risks.editTitle') : t('initiativePage.risks.add')}
      </h3>
      {cf.summary}
      <ContractTextAreaField cf={cf} name="description" required rows={2} maxLength={2000} />
      <ContractSelectField cf={cf} name="likelihood" asNumber options={scaleOptions('likelihood')} />
      <ContractSelectField cf={cf} name="impact" asNumber options={scaleOptions('impact')} />
      <ContractTextAreaField cf={cf} name="mitigation" rows={2} maxLength={2000} />
      <ContractSelectField
        cf={cf}
        name="status"
        options={riskStatuses.map((s) => ({ value: s, label: t(`initiatives.riskStatus.${s}`) }))}
      />
      <SaveOrCancel
        busy={cf.busy}
        label={t(risk ? 'initiativePage.save' : 'initiativePage.risks.submitAdd')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Risks with likelihood × impact, mitigation and status. */
export function RisksSection({ initiative: i }: { initiative: InitiativeView }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<Editing<Risk>>(null);
  const remove = useRemove(i.id, setMessage);
  const caption = t('initiativePage.risks.caption');
  const sorted = [...i.risks].sort((a, b) => b.likelihood * b.impact - a.likelihood * a.impact);
  return (
    <Section title={t('initiativePage.risks.heading')} id="risks">
      {sorted.length === 0 ? (
        <p className="ds-paragraph">{t('initiativePage.risks.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('initiativePage.risks.description')}</th>
                <th scope="col">{t('initiativePage.risks.likelihoodShort')}</th>
                <th scope="col">{t('initiativePage.risks.impactShort')}</th>
                <th scope="col">{t('initiativePage.risks.mitigation')}</th>
                <th scope="col">{t('initiativePage.risks.status')}</th>
                {i.canEdit ? <th scope="col">{t('initiativePage.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.description}</th>
                  <td className="num">{r.likelihood}</td>
                  <td className="num">{r.impact}</td>
                  <td>{r.mitigation ?? ''}</td>
                  <td>
                    <Tag color={r.status === 'open' ? 'warning' : 'success'}>
                      {t(`initiatives.riskStatus.${r.status}`)}
                    </Tag>
                  </td>
                  {i.canEdit ? (
                    <td>
                      <RowActions
                        name={r.description}
                        onEdit={() => setEditing(r)}
                        removing={remove.isPending}
                        onRemove={() =>
                          remove.mutate({
                            path: `/initiatives/${i.id}/risks/${r.id}`,
                            message: t('initiativePage.risks.removed'),
                          })
                        }
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <ChildEditorFooter
        canEdit={i.canEdit}
        editing={editing}
        setEditing={setEditing}
        message={message}
        setMessage={setMessage}
        removeError={remove.error}
        addLabel={t('initiativePage.risks.add')}
        form={(row, onDone, onCancel) => (
          <RiskForm initiativeId={i.id} risk={row} onDone={onDone} onCancel={onCancel} />
        )}
      />
    </Section>
  );
}

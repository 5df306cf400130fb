import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type InitiativeView,
  Risk,
  RiskStatus,
  riskStatuses,
} from '../../../shared/contracts/initiatives.ts';
import { Tag } from '../../components/Feedback.tsx';
import { SelectField, TextAreaField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { ChildEditorFooter, type Editing, RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';

type RiskStatusValue = (typeof riskStatuses)[number];
const FIELDS = ['description', 'likelihood', 'impact', 'mitigation', 'status'];
const scale = ['1', '2', '3', '4', '5'] as const;
type Scale = (typeof scale)[number];

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
  const form = useFormErrors('risk');
  const [description, setDescription] = useState(risk?.description ?? '');
  const [likelihood, setLikelihood] = useState<Scale>(String(risk?.likelihood ?? 3) as Scale);
  const [impact, setImpact] = useState<Scale>(String(risk?.impact ?? 3) as Scale);
  const [mitigation, setMitigation] = useState(risk?.mitigation ?? '');
  const [status, setStatus] = useState<RiskStatusValue>(risk?.status ?? 'open');
  useFocusFirstField(form.fieldId('description'));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        description: description.trim(),
        likelihood: Number(likelihood),
        impact: Number(impact),
        mitigation: mitigation.trim() || null,
        status: RiskStatus.parse(status),
      };
      return risk
        ? api.patch(`/initiatives/${initiativeId}/risks/${risk.id}`, Risk, body)
        : api.post(`/initiatives/${initiativeId}/risks`, Risk, body);
    },
    onSuccess: async () => {
      await invalidate();
      onDone(t(risk ? 'initiativePage.risks.saved' : 'initiativePage.risks.added'));
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (description.trim().length < 3)
      return form.fail({ description: t('initiativePage.risks.descriptionMissing') });
    form.clear();
    save.mutate();
  };
  const scaleOptions = (kind: 'likelihood' | 'impact') =>
    scale.map((v) => ({ value: v, label: t(`initiativePage.risks.${kind}Level.${v}`) }));
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="risk-form-heading">
      <h3 className="ds-heading" data-size="xs" id="risk-form-heading">
        {risk ? t('initiativePage.risks.editTitle') : t('initiativePage.risks.add')}
      </h3>
      {form.summary}
      <TextAreaField
        id={form.fieldId('description')}
        label={t('initiativePage.risks.description')}
        required
        value={description}
        onValueChange={setDescription}
        error={form.errors.description}
        rows={2}
        maxLength={2000}
      />
      <SelectField
        id={form.fieldId('likelihood')}
        label={t('initiativePage.risks.likelihood')}
        value={likelihood}
        onValueChange={setLikelihood}
        error={form.errors.likelihood}
        options={scaleOptions('likelihood')}
      />
      <SelectField
        id={form.fieldId('impact')}
        label={t('initiativePage.risks.impact')}
        value={impact}
        onValueChange={setImpact}
        error={form.errors.impact}
        options={scaleOptions('impact')}
      />
      <TextAreaField
        id={form.fieldId('mitigation')}
        label={t('initiativePage.risks.mitigation')}
        value={mitigation}
        onValueChange={setMitigation}
        error={form.errors.mitigation}
        rows={2}
        maxLength={2000}
      />
      <SelectField
        id={form.fieldId('status')}
        label={t('initiativePage.risks.status')}
        value={status}
        onValueChange={setStatus}
        error={form.errors.status}
        options={riskStatuses.map((s) => ({ value: s, label: t(`initiatives.riskStatus.${s}`) }))}
      />
      <SaveOrCancel
        busy={save.isPending}
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

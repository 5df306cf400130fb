import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateMilestone, type InitiativeView, Milestone } from '../../../shared/contracts/initiatives.ts';
import { Tag } from '../../components/Feedback.tsx';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { swedishToday } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { ChildEditorFooter, type Editing, RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';

function MilestoneForm({
  initiativeId,
  milestone,
  onDone,
  onCancel,
}: {
  initiativeId: string;
  milestone: Milestone | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const invalidate = useInvalidateInitiative(initiativeId);
  const label = (f: string) => t(`initiativePage.milestones.${f}`);
  const cf = useContractForm(CreateMilestone, {
    id: 'milestone',
    defaultValues: {
      title: milestone?.title ?? '',
      dueOn: milestone?.dueOn ?? '',
      doneOn: milestone?.doneOn ?? null,
    },
    labels: { title: label('title'), dueOn: label('dueOn'), doneOn: label('doneOn') },
    onSubmit: async (body) => {
      const m = milestone
        ? await api.patch(`/initiatives/${initiativeId}/milestones/${milestone.id}`, Milestone, body)
        : await api.post(`/initiatives/${initiativeId}/milestones`, Milestone, body);
      await invalidate();
      onDone(
        t(milestone ? 'initiativePage.milestones.saved' : 'initiativePage.milestones.added', {
          title: m.title,
        }),
      );
    },
  });
  useFocusFirstField(cf.fieldId('title'));
  // Done or not is the checkbox; the date it was done is asked only when it is.
  const done = cf.form.watch('doneOn') != null;
  return (
    <form className="form" onSubmit={cf.onSubmit} noValidate aria-labelledby="milestone-form-heading">
      <h3 className="ds-heading" data-size="xs" id="milestone-form-heading">
        {milestone
          ? t('initiativePage.milestones.editTitle', { title: milestone.title })
          : t('initiativePage.milestones.add')}
      </h3>
      {cf.summary}
      <ContractTextField cf={cf} name="title" required maxLength={200} />
      <ContractTextField cf={cf} name="dueOn" type="date" required />
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id="milestone-done"
          checked={done}
          onChange={(e) =>
            cf.form.setValue('doneOn', e.target.checked ? swedishToday() : null, { shouldDirty: true })
          }
        />
        <label className="ds-label" data-weight="regular" htmlFor="milestone-done">
          {t('initiativePage.milestones.done')}
        </label>
      </div>
      {done ? <ContractTextField cf={cf} name="doneOn" type="date" emptyAsNull /> : null}
      <SaveOrCancel
        busy={cf.busy}
        label={t(milestone ? 'initiativePage.save' : 'initiativePage.milestones.submitAdd')}
        onCancel={onCancel}
      />
    </form>
  );
}

/** Milestones with due dates, done or not; the owner adds, changes and removes them. */
export function MilestonesSection({ initiative: i }: { initiative: InitiativeView }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<Editing<Milestone>>(null);
  const remove = useRemove(i.id, setMessage);
  const caption = t('initiativePage.milestones.caption');
  const sorted = [...i.milestones].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return (
    <Section title={t('initiativePage.milestones.heading')} id="milestones">
      {sorted.length === 0 ? (
        <p className="ds-paragraph">{t('initiativePage.milestones.empty')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="ds-table" data-border="true">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('initiativePage.milestones.title')}</th>
                <th scope="col">{t('initiativePage.milestones.dueOn')}</th>
                <th scope="col">{t('initiativePage.milestones.state')}</th>
                {i.canEdit ? <th scope="col">{t('initiativePage.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {sorted.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.title}</th>
                  <td className="nowrap">{formatDate(m.dueOn)}</td>
                  <td>
                    {m.doneOn ? (
                      <Tag color="success">
                        {t('initiativePage.milestones.doneAt', { date: formatDate(m.doneOn) })}
                      </Tag>
                    ) : (
                      <Tag color="neutral">{t('initiativePage.milestones.notDone')}</Tag>
                    )}
                  </td>
                  {i.canEdit ? (
                    <td>
                      <RowActions
                        name={m.title}
                        onEdit={() => setEditing(m)}
                        removing={remove.isPending}
                        onRemove={() =>
                          remove.mutate({
                            path: `/initiatives/${i.id}/milestones/${m.id}`,
                            message: t('initiativePage.milestones.removed', { title: m.title }),
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
        addLabel={t('initiativePage.milestones.add')}
        form={(row, onDone, onCancel) => (
          <MilestoneForm initiativeId={i.id} milestone={row} onDone={onDone} onCancel={onCancel} />
        )}
      />
    </Section>
  );
}

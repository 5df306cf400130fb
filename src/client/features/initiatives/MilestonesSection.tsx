import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InitiativeView, Milestone } from '../../../shared/contracts/initiatives.ts';
import { Tag } from '../../components/Feedback.tsx';
import { TextField, useFormErrors } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { api } from '../../lib/api.ts';
import { swedishToday } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';
import { useFocusFirstField, useInvalidateInitiative } from './page-data.ts';
import { ChildEditorFooter, type Editing, RowActions, SaveOrCancel, useRemove } from './RowActions.tsx';

const FIELDS = ['title', 'dueOn', 'doneOn'];

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
  const form = useFormErrors('milestone');
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [dueOn, setDueOn] = useState(milestone?.dueOn ?? '');
  const [done, setDone] = useState(Boolean(milestone?.doneOn));
  const [doneOn, setDoneOn] = useState(milestone?.doneOn ?? swedishToday());
  useFocusFirstField(form.fieldId('title'));
  const save = useMutation({
    mutationFn: () => {
      const body = { title: title.trim(), dueOn, doneOn: done ? doneOn : null };
      return milestone
        ? api.patch(`/initiatives/${initiativeId}/milestones/${milestone.id}`, Milestone, body)
        : api.post(`/initiatives/${initiativeId}/milestones`, Milestone, body);
    },
    onSuccess: async (m) => {
      await invalidate();
      onDone(
        t(milestone ? 'initiativePage.milestones.saved' : 'initiativePage.milestones.added', {
          title: m.title,
        }),
      );
    },
    onError: (err) => form.failFromApi(err, FIELDS),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (title.trim().length < 3) errors.title = t('initiativePage.titleMissing');
    if (!dueOn) errors.dueOn = t('initiativePage.milestones.dueMissing');
    if (done && !doneOn) errors.doneOn = t('initiativePage.milestones.doneOnMissing');
    if (Object.keys(errors).length) return form.fail(errors);
    form.clear();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="milestone-form-heading">
      <h3 className="ds-heading" data-size="xs" id="milestone-form-heading">
        {milestone
          ? t('initiativePage.milestones.editTitle', { title: milestone.title })
          : t('initiativePage.milestones.add')}
      </h3>
      {form.summary}
      <TextField
        id={form.fieldId('title')}
        label={t('initiativePage.milestones.title')}
        required
        value={title}
        onValueChange={setTitle}
        error={form.errors.title}
        maxLength={200}
      />
      <TextField
        id={form.fieldId('dueOn')}
        label={t('initiativePage.milestones.dueOn')}
        type="date"
        required
        value={dueOn}
        onValueChange={setDueOn}
        error={form.errors.dueOn}
      />
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id="milestone-done"
          checked={done}
          onChange={(e) => setDone(e.target.checked)}
        />
        <label className="ds-label" data-weight="regular" htmlFor="milestone-done">
          {t('initiativePage.milestones.done')}
        </label>
      </div>
      {done ? (
        <TextField
          id={form.fieldId('doneOn')}
          label={t('initiativePage.milestones.doneOn')}
          type="date"
          value={doneOn}
          onValueChange={setDoneOn}
          error={form.errors.doneOn}
        />
      ) : null}
      <SaveOrCancel
        busy={save.isPending}
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

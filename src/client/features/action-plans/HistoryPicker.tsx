import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TextField, useFormErrors } from '../../components/Form.tsx';
import { swedishToday } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';

/** "Show the plan as it stood": a date (today at the latest) that goes into the address as `?at=`. */
export function HistoryPicker({ planId, at }: { planId: string; at: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = swedishToday();
  const [date, setDate] = useState(at ?? '');
  const form = useFormErrors('plan-at');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      form.fail({ at: t('actionPlans.history.dateRequired') });
      return;
    }
    if (date > today) {
      form.fail({ at: t('actionPlans.history.dateInFuture') });
      return;
    }
    form.clear();
    navigate(date === today ? `/handlingsplaner/${planId}` : `/handlingsplaner/${planId}?at=${date}`);
  };
  return (
    <form className="history-picker" onSubmit={submit} noValidate>
      {form.summary}
      <TextField
        id={form.fieldId('at')}
        label={t('actionPlans.history.label')}
        hint={t('actionPlans.history.hint')}
        type="date"
        max={today}
        value={date}
        onValueChange={setDate}
        error={form.errors.at}
      />
      <button type="submit" className="ds-button" data-variant="secondary">
        {t('actionPlans.history.show')}
      </button>
    </form>
  );
}

/** The notice above a historic view: which day it shows, that editing is off, and the way back. */
export function HistoryNotice({ planId, at }: { planId: string; at: string }) {
  const { t } = useTranslation();
  return (
    <div className="ds-alert history-notice" data-color="warning">
      <h2 className="ds-heading" data-size="xs">
        {t('actionPlans.history.notice', { date: formatDate(at) })}
      </h2>
      <p className="ds-paragraph">{t('actionPlans.history.readOnly')}</p>
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/handlingsplaner/${planId}`}>
          {t('actionPlans.history.backToToday')}
        </Link>
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ActionPlanQuery } from '../../../shared/contracts/action-plans.ts';
import { fieldMessage } from '../../../shared/i18n/errors.ts';
import { ContractTextField, useContractForm } from '../../components/form/index.ts';
import { swedishToday } from '../../lib/format.ts';
import { formatDate } from '../../lib/i18n.ts';

/** "Show the plan as it stood": a date (today at the latest) that goes into the address as `?at=`. */
export function HistoryPicker({ planId, at }: { planId: string; at: string | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const today = swedishToday();
  const cf = useContractForm(ActionPlanQuery, {
    id: 'plan-at',
    defaultValues: { at: at ?? '' },
    labels: { at: t('actionPlans.history.label') },
    onSubmit: async ({ at: date }, { fail }) => {
      // The contract checks the date's form; "not after today" is the server's rule for the plan's
      // address (date_in_future), asked here before leaving the page and worded as the server words it.
      if (date && date > today)
        return fail({ at: fieldMessage('date_in_future', i18n.language === 'en' ? 'en' : 'sv') });
      navigate(
        !date || date === today ? `/handlingsplaner/${planId}` : `/handlingsplaner/${planId}?at=${date}`,
      );
    },
  });
  return (
    <form className="history-picker" onSubmit={cf.onSubmit} noValidate>
      {cf.summary}
      <ContractTextField cf={cf} name="at" hint={t('actionPlans.history.hint')} type="date" max={today} />
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

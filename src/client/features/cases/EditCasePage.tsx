import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { CaseView, CreateCase } from '../../../shared/contracts/cases.ts';
import { Loading } from '../../components/Feedback.tsx';
import { useAutosave, useUnsavedChangesWarning } from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { api } from '../../lib/api.ts';
import { AttachmentsEditor } from './AttachmentsEditor.tsx';
import { CaseActions } from './CaseActions.tsx';
import { CaseForm } from './CaseForm.tsx';
import { type CaseFormValues, fieldsOf, longTexts, useCaseForm, valuesOf } from './case-form-state.ts';
import { caseKey, casesKey, useCase } from './case-queries.ts';

/**
 * Changing a draft (or returned or withdrawn) case: its text, attachments and, on the same page once
 * everything is saved, sending it for review. A draft's long texts save themselves as they are written.
 */
export function EditCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const c = useCase(id);
  if (c.isPending) return <Loading />;
  if (c.isError) return <QueryFailure error={c.error} onRetry={() => void c.refetch()} />;
  return (
    <Page title={t('cases.form.editTitle')} lead={c.data.title}>
      <p>
        <Link className="ds-link" to={`/kunskapsbank/${id}`}>
          {t('cases.form.toCase')}
        </Link>
      </p>
      {c.data.canEdit ? (
        <EditCase c={c.data} />
      ) : (
        <p className="ds-paragraph">{t('cases.form.notEditable')}</p>
      )}
    </Page>
  );
}

function Created() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // After the page has put focus on its heading (a parent's effect runs after this one): the person
  // hears what happened and what comes next, not only the page's name.
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <div className="ds-alert" data-color="success" tabIndex={-1} ref={ref}>
      <p className="ds-paragraph">{t('cases.form.createdNext')}</p>
    </div>
  );
}

function EditCase({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created ?? false;
  const put = async (values: CaseFormValues) => {
    const view = await api.put(
      `/cases/${encodeURIComponent(c.id)}`,
      CaseView,
      fieldsOf(CreateCase.parse(values)),
    );
    qc.setQueryData(caseKey(c.id), view);
    void qc.invalidateQueries({ queryKey: casesKey, exact: true });
    return view;
  };
  const cf = useCaseForm(valuesOf(c), async (values) => {
    await put(values);
    return t('cases.form.saved');
  });

  // A draft's long texts save themselves a moment after the person stops typing — when the whole
  // form passes the contract (an unfinished required field waits for the save button's summary).
  const valid = CreateCase.safeParse(cf.form.watch()).success;
  const texts = cf.form.watch([...longTexts]);
  const autosave = useAutosave(
    texts,
    async () => {
      const values = cf.form.getValues();
      await put(values);
      // What was saved is the form's new unchanged state; anything typed since stays a change.
      cf.form.reset(values, { keepValues: true, keepErrors: true, keepIsSubmitted: true, keepTouched: true });
    },
    { enabled: c.status === 'draft' && valid && !cf.busy },
  );
  const dirty = cf.form.formState.isDirty;
  const leaving = useUnsavedChangesWarning(dirty, autosave);
  return (
    <>
      {created ? <Created /> : null}
      <AttachmentsEditor c={c} />
      <CaseForm
        cf={cf}
        submitLabel={t('cases.form.save')}
        status={c.status === 'draft' ? autosave.status : null}
        after={
          c.canSubmit ? (
            dirty ? (
              <Section id="case-workflow" title={t('cases.actions.heading')}>
                <p className="ds-paragraph">{t('cases.form.saveBeforeSubmit')}</p>
              </Section>
            ) : (
              <CaseActions
                d={c}
                onDone={(step) => navigate(`/kunskapsbank/${c.id}`, { state: { done: step } })}
              />
            )
          ) : null
        }
      />
      {leaving}
    </>
  );
}

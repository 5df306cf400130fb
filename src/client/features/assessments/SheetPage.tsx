import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type PutAnswer, type Question, SheetView } from '../../../shared/contracts/assessments.ts';
import { Loading } from '../../components/Feedback.tsx';
import { useFormErrors } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { QueryFailure } from '../../components/QueryFailure.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { formatDate, localised, roundKey, sheetKey } from './data.ts';
import { QuestionCard } from './QuestionCard.tsx';
import { SubmitSheet } from './SubmitSheet.tsx';

/**
 * A municipality's shared answer sheet. Every question saves by itself, so several people can fill in
 * the sheet at once; progress counts what the server has stored.
 */
export function SheetPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { id = '', code = '' } = useParams();
  const qc = useQueryClient();
  const key = sheetKey(id, code);
  const url = `/assessment-rounds/${encodeURIComponent(id)}/municipalities/${encodeURIComponent(code)}`;
  const sheet = useQuery({ queryKey: key, queryFn: () => api.get(url, SheetView) });
  const form = useFormErrors('sheet');

  const save = async (item: PutAnswer) => {
    const updated = await api.put(url, SheetView, { answers: [item] });
    qc.setQueryData(key, updated);
    return updated.answers.find((a) => a.questionKey === item.questionKey);
  };
  const reload = async (questionKey: string) => {
    const fresh = await qc.fetchQuery({
      queryKey: key,
      queryFn: () => api.get(url, SheetView),
      staleTime: 0,
    });
    return fresh.answers.find((a) => a.questionKey === questionKey);
  };

  const submit = useMutation({
    mutationFn: () => api.post(`${url}/submit`, SheetView),
    onSuccess: async (updated) => {
      form.clear();
      qc.setQueryData(key, updated);
      await qc.invalidateQueries({ queryKey: roundKey(id) });
    },
    onError: (err) => {
      const content = sheet.data?.content;
      if (err instanceof ApiError && err.code === 'sheet_incomplete' && content) {
        // Someone cleared an answer since this page read the sheet: name the questions the server named.
        const keys = new Set((err.problem?.errors ?? []).map((e) => e.path.replace(/^answers\./, '')));
        failMissing(content.sections.flatMap((s) => s.questions).filter((q) => keys.has(q.key)));
      } else form.failFromApi(err, []);
    },
  });

  const failMissing = (questions: Question[]) => {
    const errors: Record<string, string> = {};
    for (const q of questions)
      errors[q.key] = t('assessments.sheet.missing', { question: localised(q.text, lang) });
    form.fail(errors, t('assessments.sheet.missingTitle'));
  };

  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <QueryFailure error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const s = sheet.data;
  const stored = new Map(s.answers.map((a) => [a.questionKey, a]));
  return (
    <Page
      title={t('assessments.sheet.title', { municipality: s.municipality.name, round: s.round.name })}
      lead={localised(s.content.description, lang)}
    >
      <p className="ds-paragraph">
        <Link className="ds-link" to={`/bedomningar/${s.round.id}`}>
          {t('assessments.sheet.back')}
        </Link>
      </p>
      <p className="ds-paragraph sheet-progress">
        <strong>{t('assessments.sheet.progress', { answered: s.answered, total: s.total })}</strong>
      </p>
      {s.round.closed ? (
        <p className="ds-paragraph">{t('assessments.sheet.closedInfo')}</p>
      ) : s.status === 'submitted' && s.submittedAt ? (
        <p className="ds-paragraph">
          {t('assessments.sheet.submittedInfo', { date: formatDate(s.submittedAt, lang) })}
        </p>
      ) : s.canEdit ? (
        <p className="ds-paragraph">{t('assessments.sheet.autosaveInfo')}</p>
      ) : (
        <p className="ds-paragraph">{t('assessments.sheet.readOnly')}</p>
      )}
      {s.content.sections.map((section) => (
        <Section key={section.key} id={`section-${section.key}`} title={localised(section.title, lang)}>
          {section.intro ? <p className="ds-paragraph">{localised(section.intro, lang)}</p> : null}
          {section.questions.map((q) => (
            <QuestionCard
              key={q.key}
              question={q}
              stored={stored.get(q.key)}
              canEdit={s.canEdit}
              save={save}
              reload={() => reload(q.key)}
              fieldId={form.fieldId(q.key)}
            />
          ))}
        </Section>
      ))}
      <SubmitSheet
        sheet={s}
        fieldId={form.fieldId}
        summary={form.summary}
        onMissing={failMissing}
        onReady={form.clear}
        onSubmit={() => submit.mutate()}
        pending={submit.isPending}
        done={submit.isSuccess}
      />
    </Page>
  );
}

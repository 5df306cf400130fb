import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Need } from '../../../shared/contracts/action-plans.ts';
import { TechnologyList } from '../../../shared/contracts/mapping.ts';
import { LiveStatus } from '../../components/Feedback.tsx';
import {
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../components/Form.tsx';
import { api, qs } from '../../lib/api.ts';
import { needsKey } from './data.ts';

const FIELDS = [
  'title',
  'problem',
  'affected',
  'desiredOutcome',
  'technologyKey',
  'municipalityCode',
] as const;

/** A municipal coordinator proposes a need to the region's backlog on SKR's short template. */
export function ProposeNeedForm({ municipalities }: { municipalities: { code: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const technologies = useQuery({
    queryKey: ['technologies', i18n.language],
    queryFn: () => api.get(`/technologies${qs({ lang: i18n.language })}`, TechnologyList),
    staleTime: 5 * 60_000,
  });
  const [code, setCode] = useState(municipalities[0]?.code ?? '');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const [affected, setAffected] = useState('');
  const [desiredOutcome, setDesiredOutcome] = useState('');
  const [technologyKey, setTechnologyKey] = useState('');
  const [status, setStatus] = useState('');
  const form = useFormErrors('new-need');
  const create = useMutation({
    mutationFn: () =>
      api.post('/needs', Need, {
        municipalityCode: code,
        title: title.trim(),
        problem: problem.trim(),
        ...(affected.trim() ? { affected: affected.trim() } : {}),
        ...(desiredOutcome.trim() ? { desiredOutcome: desiredOutcome.trim() } : {}),
        ...(technologyKey ? { technologyKey } : {}),
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (title.trim().length < 3) errors.title = t('needs.propose.titleRequired');
    if (problem.trim().length < 10) errors.problem = t('needs.propose.problemRequired');
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.clear();
    create.mutate(undefined, {
      onSuccess: async (need) => {
        await qc.invalidateQueries({ queryKey: needsKey });
        setStatus(t('needs.propose.done', { title: need.title }));
        setTitle('');
        setProblem('');
        setAffected('');
        setDesiredOutcome('');
        setTechnologyKey('');
      },
      onError: (err) => form.failFromApi(err, FIELDS),
    });
  };
  const techOptions = [...(technologies.data?.items ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, 'sv'),
  );
  return (
    <form onSubmit={submit} noValidate className="form">
      {form.summary}
      {municipalities.length > 1 ? (
        <SelectField
          id={form.fieldId('municipalityCode')}
          label={t('needs.propose.municipality')}
          value={code}
          onValueChange={setCode}
          error={form.errors.municipalityCode}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      ) : (
        <p className="ds-paragraph">{t('needs.propose.onBehalfOf', { name: municipalities[0]?.name })}</p>
      )}
      <TextField
        id={form.fieldId('title')}
        label={t('needs.need.title')}
        required
        value={title}
        onValueChange={setTitle}
        error={form.errors.title}
        maxLength={200}
      />
      <TextAreaField
        id={form.fieldId('problem')}
        label={t('needs.need.problem')}
        hint={t('needs.propose.problemHint')}
        required
        value={problem}
        onValueChange={setProblem}
        error={form.errors.problem}
        maxLength={4000}
        rows={4}
      />
      <TextAreaField
        id={form.fieldId('affected')}
        label={t('needs.need.affected')}
        value={affected}
        onValueChange={setAffected}
        error={form.errors.affected}
        maxLength={2000}
        rows={2}
      />
      <TextAreaField
        id={form.fieldId('desiredOutcome')}
        label={t('needs.need.desiredOutcome')}
        value={desiredOutcome}
        onValueChange={setDesiredOutcome}
        error={form.errors.desiredOutcome}
        maxLength={2000}
        rows={2}
      />
      <SelectField
        id={form.fieldId('technologyKey')}
        label={t('needs.need.technology')}
        value={technologyKey}
        onValueChange={setTechnologyKey}
        error={form.errors.technologyKey}
        options={[
          { value: '', label: t('needs.propose.noTechnology') },
          ...techOptions.map((x) => ({ value: x.key, label: x.name })),
        ]}
      />
      <div className="form-actions">
        <SubmitButton
          busy={create.isPending}
          label={t('needs.propose.submit')}
          busyLabel={t('needs.propose.submitting')}
        />
      </div>
      <LiveStatus message={status} />
    </form>
  );
}

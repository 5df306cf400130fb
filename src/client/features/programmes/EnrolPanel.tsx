import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EnrolmentCandidates,
  ProgrammeEnrolmentResult,
  type ProgrammeView,
} from '../../../shared/contracts/programmes.ts';
import { ErrorAlert, LiveStatus } from '../../components/Feedback.tsx';
import { SubmitButton, TextField } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { PeoplePicker } from '../../components/PeoplePicker.tsx';
import { api, qs } from '../../lib/api.ts';
import { programmeKey } from './shared.ts';

/**
 * Enrol people by search: the server lists only people the caller may enrol in this programme (the
 * owner's coordinators: all its municipalities; a coordinator: her municipality; a manager: her units).
 */
export function EnrolPanel({ p }: { p: ProgrammeView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const candidatesKey = ['programme', p.id, 'candidates', q.trim()] as const;
  const candidates = useQuery({
    queryKey: candidatesKey,
    queryFn: () =>
      api.get(
        `/programmes/${p.id}/enrolment-candidates${qs({ q: q.trim() || undefined })}`,
        EnrolmentCandidates,
      ),
  });
  const enrol = useMutation({
    mutationFn: (userIds: string[]) =>
      api.post(`/programmes/${p.id}/enrolments`, ProgrammeEnrolmentResult, { userIds }),
    onSuccess: () => {
      setSelected(new Set());
      void qc.invalidateQueries({ queryKey: programmeKey(p.id) });
      void qc.invalidateQueries({ queryKey: ['programme', p.id, 'candidates'] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (selected.size === 0) {
      setProblem(t('programmes.selectSomeone'));
      return;
    }
    setProblem(null);
    enrol.mutate([...selected]);
  };
  const items = candidates.data?.items ?? [];
  return (
    <Section title={t('programmeEnrol.title')} id="enrol">
      <p className="ds-paragraph">{t('programmeEnrol.lead')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          id="enrol-search"
          type="search"
          label={t('programmeEnrol.search')}
          value={q}
          onValueChange={setQ}
          autoComplete="off"
        />
        <PeoplePicker
          idPrefix="enrol"
          legend={t('programmeEnrol.results')}
          people={items}
          query={candidates}
          selected={selected}
          onChange={setSelected}
          empty={t('programmeEnrol.noneFound')}
          label={(c) => (
            <>
              {t('programmeEnrol.who', {
                name: c.name,
                organisation: c.organisationName,
                municipality: c.municipalityName,
                track: t(`programmeEnrol.tracks.${c.track}`),
              })}
              {c.enrolled ? <span className="muted"> – {t('programmeEnrol.already')}</span> : null}
            </>
          )}
        >
          {candidates.data?.more ? <p className="ds-paragraph">{t('programmeEnrol.more')}</p> : null}
        </PeoplePicker>
        {problem ? (
          <div className="ds-alert" data-color="danger" role="alert">
            <p className="ds-paragraph">{problem}</p>
          </div>
        ) : null}
        {enrol.isError ? <ErrorAlert error={enrol.error} /> : null}
        <LiveStatus
          message={
            enrol.data
              ? t('programmes.enrolResult', { created: enrol.data.created, existing: enrol.data.existing })
              : null
          }
        />
        <div className="form-actions">
          <SubmitButton
            busy={enrol.isPending}
            label={t('programmeEnrol.enrol', { count: selected.size })}
            busyLabel={t('app.loading')}
          />
        </div>
      </form>
    </Section>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { CourseList, type Track } from '../../../shared/contracts/learning.ts';
import { CreateProgramme, ProgrammeView } from '../../../shared/contracts/programmes.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton } from '../../components/Form.tsx';
import {
  ContractCheckbox,
  ContractSelectField,
  ContractTextField,
  useContractForm,
  useUnsavedChangesWarning,
} from '../../components/form/index.ts';
import { Page, Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';
import { MunicipalityPicker } from '../organisations/MunicipalityPicker.tsx';
import { useMunicipalitiesOf } from '../organisations/useMunicipalitiesOf.ts';

const OWNER_KINDS = new Set(['region', 'association', 'municipality']);
const TRACKS: Track[] = ['staff', 'managers', 'coordinators'];

interface Owner {
  id: string;
  name: string;
  kind: string;
  code: string | null;
}

/** A coordinator sets up a programme (a project or cohort) that their organisation owns. */
export function NewProgrammePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const admin = me.data ? isNationalAdmin(me.data) : false;
  const regions = useOrganisationsOfKind('region', admin);
  const municipalities = useMunicipalities();
  const courses = useQuery({
    queryKey: ['courses', lang],
    queryFn: () => api.get(`/courses${qs({ lang })}`, CourseList),
  });

  const owners = useMemo<Owner[]>(() => {
    const mine: Owner[] = (me.data ? scopeAt(scopeFor(me.data, 'programme.manage'), OWNER_KINDS) : []).map(
      (m) => ({
        id: m.organisationId,
        name: m.organisationName,
        kind: m.organisationKind,
        code: m.organisationCode,
      }),
    );
    const more: Owner[] = (regions.data?.items ?? []).map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      code: r.code,
    }));
    const seen = new Set<string>();
    return [...mine, ...more].filter((o) => !seen.has(o.id) && seen.add(o.id));
  }, [me.data, regions.data]);

  if (me.isPending || municipalities.isPending || courses.isPending || (admin && regions.isPending))
    return <Loading />;
  if (municipalities.isError) return <ErrorAlert error={municipalities.error} />;
  if (courses.isError) return <ErrorAlert error={courses.error} />;
  if (owners.length === 0) {
    return (
      <Page title={t('programmes.create.title')}>
        <p className="ds-paragraph">{t('programmes.create.noOwner')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('programmes.create.title')} lead={t('programmes.create.lead')}>
      <ProgrammeForm owners={owners} courses={courses.data} />
    </Page>
  );
}

function ProgrammeForm({
  owners,
  courses,
}: {
  owners: readonly Owner[];
  courses: z.infer<typeof CourseList>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const c = (key: string) => t(`programmes.create.${key}`);
  const cf = useContractForm(CreateProgramme, {
    id: 'new-programme',
    defaultValues: {
      name: '',
      ownerOrganisationId: owners[0]!.id,
      startsOn: '',
      endsOn: '',
      targetParticipants: undefined,
      municipalityCodes: [],
      funding: {},
      courses: [],
      selfEnrolment: false,
    },
    labels: {
      name: t('programmes.name'),
      ownerOrganisationId: t('programmes.owner'),
      startsOn: c('startsOn'),
      endsOn: c('endsOn'),
      targetParticipants: t('programmes.target'),
      selfEnrolment: c('selfEnrolment'),
      municipalityCodes: t('programmes.municipalities'),
      courses: t('programmes.courses'),
      'funding.esfProjectNumber': t('programmes.esf'),
      'funding.funder': t('programmes.funder'),
      'funding.budgetSek': c('budgetSek'),
      'funding.grantedSek': c('grantedSek'),
    },
    onSubmit: async (body) => {
      const p = await api.post('/programmes', ProgrammeView, body);
      await qc.invalidateQueries({ queryKey: ['programmes'] });
      setCreated(p.id);
    },
  });
  const leaving = useUnsavedChangesWarning(cf.form.formState.isDirty && !created);
  // Once nothing is unsaved any more, on to the new programme.
  useEffect(() => {
    if (created) navigate(`/program/${created}`);
  }, [created, navigate]);

  const again = { shouldDirty: true, shouldValidate: cf.form.formState.isSubmitted };
  const ownerId = cf.form.watch('ownerOrganisationId');
  const owner = owners.find((o) => o.id === ownerId) ?? owners[0]!;
  const choices = useMunicipalitiesOf(owner).items;
  const ownMunicipality = owner.kind === 'municipality';
  // A municipality's programme is for that municipality: it is chosen for them. Another owner starts
  // with none chosen (its scope is another).
  const shownOwner = useRef<string | null>(null);
  useEffect(() => {
    if (ownMunicipality)
      cf.form.setValue(
        'municipalityCodes',
        choices.map((m) => m.code),
      );
    else if (shownOwner.current !== null && shownOwner.current !== owner.id)
      cf.form.setValue('municipalityCodes', []);
    shownOwner.current = owner.id;
  }, [ownMunicipality, choices, owner.id, cf.form]);
  const chosen = cf.form.watch('municipalityCodes') ?? [];

  const [trackCourse, setTrackCourse] = useState<Record<Track, string>>({
    staff: '',
    managers: '',
    coordinators: '',
  });
  const chooseCourse = (track: Track, courseId: string) => {
    const next = { ...trackCourse, [track]: courseId };
    setTrackCourse(next);
    const picked = TRACKS.filter((tr) => next[tr]).map((tr) => ({ track: tr, courseId: next[tr] }));
    cf.form.setValue('courses', picked, again);
  };
  const courseOptions = (track: Track) => [
    { value: '', label: c('noCourse') },
    ...courses.items.filter((x) => x.track === track).map((x) => ({ value: x.id, label: x.title })),
  ];

  return (
    <>
      <form onSubmit={cf.onSubmit} noValidate className="stack">
        {cf.summary}
        <Section title={t('programmes.facts')} id="programme-facts">
          <ContractTextField cf={cf} name="name" required maxLength={200} />
          <ContractSelectField
            cf={cf}
            name="ownerOrganisationId"
            hint={c('ownerHint')}
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
          />
          <ContractTextField cf={cf} name="startsOn" type="date" required />
          <ContractTextField cf={cf} name="endsOn" type="date" required />
          <ContractTextField
            cf={cf}
            name="targetParticipants"
            inputMode="numeric"
            autoComplete="off"
            required
            asNumber
            emptyAsUndefined
          />
          <ContractCheckbox cf={cf} name="selfEnrolment" />
        </Section>

        <Section title={t('programmes.municipalities')} id="programme-municipalities">
          {ownMunicipality ? (
            <p className="ds-paragraph">{t('programmes.create.onlyOwnMunicipality', { name: owner.name })}</p>
          ) : (
            <MunicipalityPicker
              id={cf.fieldId('municipalityCodes')}
              legend={c('pickMunicipalities')}
              error={cf.errorFor('municipalityCodes')}
              choices={choices}
              value={chosen}
              onChange={(codes) => cf.form.setValue('municipalityCodes', codes, again)}
              chooseAll={t('programmes.create.pickAll', { count: choices.length })}
            />
          )}
        </Section>

        <Section title={t('programmes.courses')} id="programme-courses">
          <div id={cf.fieldId('courses')} tabIndex={-1}>
            {cf.errorFor('courses') ? (
              <p className="ds-validation-message" data-color="danger">
                {cf.errorFor('courses')}
              </p>
            ) : null}
            {TRACKS.map((tr) => (
              <SelectField
                key={tr}
                id={cf.fieldId(`courses-${tr}`)}
                label={t(`programmes.tracks.${tr}`)}
                value={trackCourse[tr]}
                onValueChange={(v) => chooseCourse(tr, v)}
                options={courseOptions(tr)}
              />
            ))}
          </div>
        </Section>

        <Section title={t('programmes.funding')} id="programme-funding">
          <ContractTextField cf={cf} name="funding.esfProjectNumber" hint={c('esfHint')} emptyAsUndefined />
          <ContractTextField cf={cf} name="funding.funder" maxLength={200} emptyAsUndefined />
          <ContractTextField
            cf={cf}
            name="funding.budgetSek"
            inputMode="numeric"
            autoComplete="off"
            asNumber
            emptyAsUndefined
          />
          <ContractTextField
            cf={cf}
            name="funding.grantedSek"
            inputMode="numeric"
            autoComplete="off"
            asNumber
            emptyAsUndefined
          />
        </Section>
        <SubmitButton busy={cf.busy} label={c('submit')} busyLabel={c('saving')} />
      </form>
      {leaving}
    </>
  );
}

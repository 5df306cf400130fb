import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { scopeAt, scopeFor } from '../../../shared/access/index.ts';
import { CourseList, type Track } from '../../../shared/contracts/learning.ts';
import { ProgrammeView } from '../../../shared/contracts/programmes.ts';
import { ErrorAlert, Loading } from '../../components/Feedback.tsx';
import { SelectField, SubmitButton, TextField, useFormErrors } from '../../components/Form.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api, qs } from '../../lib/api.ts';
import { useOrganisationsOfKind } from '../../lib/organisations.ts';
import { isNationalAdmin, useMe } from '../../lib/session.ts';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';
import { useMunicipalitiesOf } from '../organisations/useMunicipalitiesOf.ts';

const OWNER_KINDS = new Set(['region', 'association', 'municipality']);
const TRACKS: Track[] = ['staff', 'managers', 'coordinators'];
const FIELDS = [
  'name',
  'ownerOrganisationId',
  'startsOn',
  'endsOn',
  'targetParticipants',
  'municipalityCodes',
  'funding.esfProjectNumber',
  'funding.funder',
  'funding.budgetSek',
  'funding.grantedSek',
  'courses',
] as const;

interface Owner {
  id: string;
  name: string;
  kind: string;
  code: string | null;
}

const wholeNumber = (v: string) => (v.trim() === '' ? undefined : Number(v.replace(/\s/g, '')));

/** A coordinator sets up a programme (a project or cohort) that their organisation owns. */
export function NewProgrammePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const qc = useQueryClient();
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

  const [ownerId, setOwnerId] = useState('');
  const owner = owners.find((o) => o.id === (ownerId || owners[0]?.id));
  const choices = useMunicipalitiesOf(owner).items;

  const [name, setName] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [target, setTarget] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [esf, setEsf] = useState('');
  const [funder, setFunder] = useState('');
  const [budget, setBudget] = useState('');
  const [granted, setGranted] = useState('');
  const [trackCourse, setTrackCourse] = useState<Record<Track, string>>({
    staff: '',
    managers: '',
    coordinators: '',
  });
  const [selfEnrolment, setSelfEnrolment] = useState(false);
  const form = useFormErrors('new-programme');

  // A municipality owner's programme is for that municipality: it is chosen for them.
  const codes = owner?.kind === 'municipality' ? choices.map((m) => m.code) : [...picked];

  const create = useMutation({
    mutationFn: () =>
      api.post('/programmes', ProgrammeView, {
        name: name.trim(),
        ownerOrganisationId: owner?.id ?? '',
        startsOn,
        endsOn,
        targetParticipants: wholeNumber(target),
        municipalityCodes: codes,
        funding: {
          ...(esf.trim() ? { esfProjectNumber: esf.trim() } : {}),
          ...(funder.trim() ? { funder: funder.trim() } : {}),
          ...(budget.trim() ? { budgetSek: wholeNumber(budget) } : {}),
          ...(granted.trim() ? { grantedSek: wholeNumber(granted) } : {}),
        },
        courses: TRACKS.filter((tr) => trackCourse[tr]).map((tr) => ({
          track: tr,
          courseId: trackCourse[tr],
        })),
        selfEnrolment,
      }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('programmes.create.nameRequired');
    if (!startsOn) errors.startsOn = t('programmes.create.dateRequired');
    if (!endsOn) errors.endsOn = t('programmes.create.dateRequired');
    else if (startsOn && endsOn < startsOn) errors.endsOn = t('programmes.create.endsBeforeStart');
    const n = wholeNumber(target);
    if (n === undefined || !Number.isInteger(n) || n < 1)
      errors.targetParticipants = t('programmes.create.targetInvalid');
    if (codes.length === 0) errors.municipalityCodes = t('programmes.create.municipalitiesRequired');
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.clear();
    create.mutate(undefined, {
      onSuccess: async (p) => {
        await qc.invalidateQueries({ queryKey: ['programmes'] });
        navigate(`/program/${p.id}`);
      },
      onError: (err) => form.failFromApi(err, FIELDS),
    });
  };

  if (me.isPending || municipalities.isPending || courses.isPending) return <Loading />;
  if (municipalities.isError) return <ErrorAlert error={municipalities.error} />;
  if (courses.isError) return <ErrorAlert error={courses.error} />;
  if (owners.length === 0) {
    return (
      <Page title={t('programmes.create.title')}>
        <p className="ds-paragraph">{t('programmes.create.noOwner')}</p>
      </Page>
    );
  }

  const courseOptions = (track: Track) => [
    { value: '', label: t('programmes.create.noCourse') },
    ...(courses.data?.items ?? [])
      .filter((c) => c.track === track)
      .map((c) => ({ value: c.id, label: c.title })),
  ];

  return (
    <Page title={t('programmes.create.title')} lead={t('programmes.create.lead')}>
      <form onSubmit={submit} noValidate className="stack">
        {form.summary}
        <Section title={t('programmes.facts')} id="programme-facts">
          <TextField
            id={form.fieldId('name')}
            label={t('programmes.name')}
            required
            value={name}
            onValueChange={setName}
            error={form.errors.name}
            maxLength={200}
          />
          <SelectField
            id={form.fieldId('ownerOrganisationId')}
            label={t('programmes.owner')}
            hint={t('programmes.create.ownerHint')}
            value={owner?.id ?? ''}
            onValueChange={(v) => {
              setOwnerId(v);
              setPicked(new Set());
            }}
            error={form.errors.ownerOrganisationId}
            options={owners.map((o) => ({ value: o.id, label: o.name }))}
          />
          <TextField
            id={form.fieldId('startsOn')}
            label={t('programmes.create.startsOn')}
            type="date"
            required
            value={startsOn}
            onValueChange={setStartsOn}
            error={form.errors.startsOn}
          />
          <TextField
            id={form.fieldId('endsOn')}
            label={t('programmes.create.endsOn')}
            type="date"
            required
            value={endsOn}
            onValueChange={setEndsOn}
            error={form.errors.endsOn}
          />
          <TextField
            id={form.fieldId('targetParticipants')}
            label={t('programmes.target')}
            inputMode="numeric"
            required
            value={target}
            onValueChange={setTarget}
            error={form.errors.targetParticipants}
          />
          <div className="ds-field checkbox">
            <input
              className="ds-input"
              type="checkbox"
              id="new-programme-self"
              checked={selfEnrolment}
              onChange={(e) => setSelfEnrolment(e.target.checked)}
            />
            <label className="ds-label" data-weight="regular" htmlFor="new-programme-self">
              {t('programmes.create.selfEnrolment')}
            </label>
          </div>
        </Section>

        <Section title={t('programmes.municipalities')} id="programme-municipalities">
          {owner?.kind === 'municipality' ? (
            <p className="ds-paragraph">{t('programmes.create.onlyOwnMunicipality', { name: owner.name })}</p>
          ) : (
            <fieldset
              className="ds-fieldset fieldset"
              id={form.fieldId('municipalityCodes')}
              tabIndex={-1}
              aria-describedby={
                form.errors.municipalityCodes ? `${form.fieldId('municipalityCodes')}-error` : undefined
              }
            >
              <legend className="ds-label" data-weight="medium">
                {t('programmes.create.pickMunicipalities')}
              </legend>
              {form.errors.municipalityCodes ? (
                <div
                  className="ds-validation-message"
                  data-color="danger"
                  id={`${form.fieldId('municipalityCodes')}-error`}
                >
                  {form.errors.municipalityCodes}
                </div>
              ) : null}
              <p>
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  onClick={() => setPicked(new Set(choices.map((m) => m.code)))}
                >
                  {t('programmes.create.pickAll', { count: choices.length })}
                </button>
              </p>
              <div className="checkbox-columns">
                {choices.map((m) => (
                  <div className="ds-field checkbox" key={m.code}>
                    <input
                      className="ds-input"
                      type="checkbox"
                      id={`new-programme-m-${m.code}`}
                      checked={picked.has(m.code)}
                      onChange={(e) => {
                        const next = new Set(picked);
                        if (e.target.checked) next.add(m.code);
                        else next.delete(m.code);
                        setPicked(next);
                      }}
                    />
                    <label className="ds-label" data-weight="regular" htmlFor={`new-programme-m-${m.code}`}>
                      {m.name}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
        </Section>

        <Section title={t('programmes.courses')} id="programme-courses">
          {TRACKS.map((tr) => (
            <SelectField
              key={tr}
              id={form.fieldId(`courses-${tr}`)}
              label={t(`programmes.tracks.${tr}`)}
              value={trackCourse[tr]}
              onValueChange={(v) => setTrackCourse({ ...trackCourse, [tr]: v })}
              options={courseOptions(tr)}
            />
          ))}
        </Section>

        <Section title={t('programmes.funding')} id="programme-funding">
          <TextField
            id={form.fieldId('funding.esfProjectNumber')}
            label={t('programmes.esf')}
            hint={t('programmes.create.esfHint')}
            value={esf}
            onValueChange={setEsf}
            error={form.errors['funding.esfProjectNumber']}
          />
          <TextField
            id={form.fieldId('funding.funder')}
            label={t('programmes.funder')}
            value={funder}
            onValueChange={setFunder}
            error={form.errors['funding.funder']}
            maxLength={200}
          />
          <TextField
            id={form.fieldId('funding.budgetSek')}
            label={t('programmes.create.budgetSek')}
            inputMode="numeric"
            value={budget}
            onValueChange={setBudget}
            error={form.errors['funding.budgetSek']}
          />
          <TextField
            id={form.fieldId('funding.grantedSek')}
            label={t('programmes.create.grantedSek')}
            inputMode="numeric"
            value={granted}
            onValueChange={setGranted}
            error={form.errors['funding.grantedSek']}
          />
        </Section>
        <SubmitButton
          busy={create.isPending}
          label={t('programmes.create.submit')}
          busyLabel={t('programmes.create.saving')}
        />
      </form>
    </Page>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IndicatorFeed } from '../../../shared/contracts/initiatives.ts';
import { ProgrammeList } from '../../../shared/contracts/programmes.ts';
import { SelectField } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { useTechnologyCatalogue } from './data.ts';

type FeedKind = '' | IndicatorFeed['kind'];

/**
 * Where an indicator may be measured from automatically: a learning programme's completion rate, or the
 * users a municipality serves with a technology (from the mapping). "Hämta nu" on the indicator then
 * stores a measurement; the choice is optional.
 */
export function FeedField({
  fieldId,
  errorFor,
  value,
  onChange,
  municipalities,
}: {
  /** The form's ids and named messages of `feed` and its parts (`feed.technologyKey`). */
  fieldId: (name: string) => string;
  errorFor: (name: string) => string | undefined;
  value: IndicatorFeed | null;
  onChange: (feed: IndicatorFeed | null) => void;
  municipalities: { code: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const kind: FeedKind = value?.kind ?? '';
  const programmes = useQuery({
    queryKey: ['programmes'],
    queryFn: () => api.get('/programmes', ProgrammeList),
    enabled: kind === 'programme_completion',
  });
  const technologies = useTechnologyCatalogue(i18n.language);
  const firstMunicipality = municipalities[0]?.code ?? '';
  const setKind = (k: FeedKind) => {
    if (k === '') onChange(null);
    else if (k === 'programme_completion') onChange({ kind: k, programmeId: '' });
    else onChange({ kind: k, municipalityCode: firstMunicipality, technologyKey: '' });
  };
  return (
    <fieldset className="ds-fieldset fieldset">
      <legend className="ds-label" data-weight="medium">
        {t('initiativePage.feed.legend')}
      </legend>
      <SelectField
        id={fieldId('feed')}
        label={t('initiativePage.feed.kind')}
        value={kind}
        onValueChange={(k) => setKind(k as FeedKind)}
        error={errorFor('feed')}
        options={[
          { value: '', label: t('initiativePage.feed.none') },
          { value: 'programme_completion', label: t('initiativePage.feed.programmeCompletion') },
          ...(municipalities.length
            ? [{ value: 'users_served', label: t('initiativePage.feed.usersServed') }]
            : []),
        ]}
      />
      {value?.kind === 'programme_completion' ? (
        <SelectField
          id={fieldId('feed.programmeId')}
          label={t('initiativePage.feed.programme')}
          error={errorFor('feed.programmeId')}
          value={value.programmeId}
          onValueChange={(programmeId) => onChange({ ...value, programmeId })}
          options={[
            { value: '', label: '–' },
            ...(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
          required
        />
      ) : null}
      {value?.kind === 'users_served' ? (
        <>
          <SelectField
            id={fieldId('feed.municipalityCode')}
            label={t('initiativePage.feed.municipality')}
            error={errorFor('feed.municipalityCode')}
            value={value.municipalityCode}
            onValueChange={(municipalityCode) => onChange({ ...value, municipalityCode })}
            options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
            required
          />
          <SelectField
            id={fieldId('feed.technologyKey')}
            label={t('initiativePage.feed.technology')}
            error={errorFor('feed.technologyKey')}
            value={value.technologyKey}
            onValueChange={(technologyKey) => onChange({ ...value, technologyKey })}
            options={[
              { value: '', label: '–' },
              ...(technologies.data?.items ?? []).map((x) => ({ value: x.key, label: x.name })),
            ]}
            required
          />
        </>
      ) : null}
    </fieldset>
  );
}

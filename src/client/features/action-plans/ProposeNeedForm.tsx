import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CreateNeed, Need } from '../../../shared/contracts/action-plans.ts';
import { TechnologyList } from '../../../shared/contracts/mapping.ts';
import { SubmitButton } from '../../components/Form.tsx';
import {
  ContractSelectField,
  ContractTextAreaField,
  ContractTextField,
  useContractForm,
} from '../../components/form/index.ts';
import { api, qs } from '../../lib/api.ts';
import { needsKey } from './data.ts';

/** A municipal coordinator proposes a need to the region's backlog on SKR's short template. */
export function ProposeNeedForm({ municipalities }: { municipalities: { code: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const technologies = useQuery({
    queryKey: ['technologies', i18n.language],
    queryFn: () => api.get(`/technologies${qs({ lang: i18n.language })}`, TechnologyList),
    staleTime: 5 * 60_000,
  });
  const n = (key: string) => t(`needs.need.${key}`);
  const empty = { municipalityCode: municipalities[0]?.code ?? '', title: '', problem: '' };
  const cf = useContractForm(CreateNeed, {
    id: 'new-need',
    defaultValues: empty,
    labels: {
      municipalityCode: t('needs.propose.municipality'),
      title: n('title'),
      problem: n('problem'),
      affected: n('affected'),
      desiredOutcome: n('desiredOutcome'),
      technologyKey: n('technology'),
    },
    onSubmit: async (body, { form }) => {
      const need = await api.post('/needs', Need, {
        ...body,
        affected: body.affected || undefined,
        desiredOutcome: body.desiredOutcome || undefined,
      });
      await qc.invalidateQueries({ queryKey: needsKey });
      form.reset({ ...empty, municipalityCode: body.municipalityCode, affected: '', desiredOutcome: '' });
      return t('needs.propose.done', { title: need.title });
    },
  });
  const techOptions = [...(technologies.data?.items ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, 'sv'),
  );
  return (
    <form onSubmit={cf.onSubmit} noValidate className="form">
      {cf.summary}
      {municipalities.length > 1 ? (
        <ContractSelectField
          cf={cf}
          name="municipalityCode"
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      ) : (
        <p className="ds-paragraph">{t('needs.propose.onBehalfOf', { name: municipalities[0]?.name })}</p>
      )}
      <ContractTextField cf={cf} name="title" required maxLength={200} />
      <ContractTextAreaField
        cf={cf}
        name="problem"
        hint={t('needs.propose.problemHint')}
        required
        maxLength={4000}
        rows={4}
      />
      <ContractTextAreaField cf={cf} name="affected" maxLength={2000} rows={2} />
      <ContractTextAreaField cf={cf} name="desiredOutcome" maxLength={2000} rows={2} />
      <ContractSelectField
        cf={cf}
        name="technologyKey"
        placeholder={t('needs.propose.noTechnology')}
        options={techOptions.map((x) => ({ value: x.key, label: x.name }))}
      />
      <div className="form-actions">
        <SubmitButton
          busy={cf.busy}
          label={t('needs.propose.submit')}
          busyLabel={t('needs.propose.submitting')}
        />
      </div>
      {cf.saved}
    </form>
  );
}

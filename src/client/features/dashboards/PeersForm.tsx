import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/Form.tsx';
import { useMunicipalities } from '../organisations/MunicipalitiesPage.tsx';

/**
 * "Municipalities like us": the person picks peers to compare with (kept in the address as
 * `?peers=`). A group of fewer than three that the person does not cover is shown as "too few".
 */
export function PeersForm({
  code,
  peers,
  onChange,
}: {
  code: string;
  peers: { code: string; name: string }[];
  onChange: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const municipalities = useMunicipalities();
  const [pick, setPick] = useState('');
  const chosen = peers.map((p) => p.code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pick) onChange([...chosen, pick]);
    setPick('');
  };
  return (
    <div className="dashboard-peers">
      <form className="scope-picker" onSubmit={submit}>
        <SelectField
          id="dashboard-peer"
          label={t('dashboards.peers.label')}
          hint={t('dashboards.peers.hint')}
          value={pick}
          onValueChange={setPick}
          options={[
            { value: '', label: t('dashboards.peers.choose') },
            ...(municipalities.data?.items ?? [])
              .filter((m) => m.code !== code && !chosen.includes(m.code))
              .map((m) => ({ value: m.code, label: m.name })),
          ]}
        />
        <button type="submit" className="ds-button" data-variant="secondary">
          {t('dashboards.peers.add')}
        </button>
      </form>
      {peers.length ? (
        <ul className="peer-list" aria-label={t('dashboards.peers.chosen')}>
          {peers.map((p) => (
            <li key={p.code}>
              {p.name}{' '}
              <button
                type="button"
                className="ds-button"
                data-variant="tertiary"
                data-size="sm"
                onClick={() => onChange(chosen.filter((c) => c !== p.code))}
              >
                {t('dashboards.peers.remove', { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Tag } from '../../components/Feedback.tsx';

const PARAM = 'preliminary';

/**
 * Whether the round's owner asked to count sheets not yet submitted, kept in the address so a link
 * (and a reload) shows the same figures. The server ignores it for anyone else.
 */
export function useIncludePreliminary(): [boolean, (next: boolean) => void] {
  const [params, setParams] = useSearchParams();
  // The address changes in a navigation that commits a moment later: until then the box shows the
  // choice just made, instead of springing back under the finger.
  const [chosen, setChosen] = useState<{ value: boolean; from: string } | null>(null);
  const address = params.toString();
  const include = chosen?.from === address ? chosen.value : params.get(PARAM) === 'true';
  const set = (next: boolean) => {
    setChosen({ value: next, from: address });
    const p = new URLSearchParams(params);
    if (next) p.set(PARAM, 'true');
    else p.delete(PARAM);
    setParams(p, { replace: true });
  };
  return [include, set];
}

/** The owner's choice to count preliminary sheets; not shown to anyone who may not make it. */
export function PreliminaryToggle({
  allowed,
  checked,
  onChange,
}: {
  allowed: boolean;
  checked: boolean;
  onChange: (next: boolean) => void;
}) {
  const { t } = useTranslation();
  if (!allowed) return null;
  return (
    <div className="preliminary-toggle">
      <div className="ds-field checkbox">
        <input
          className="ds-input"
          type="checkbox"
          id="include-preliminary"
          checked={checked}
          aria-describedby="include-preliminary-hint"
          onChange={(e) => onChange(e.target.checked)}
        />
        <label className="ds-label" data-weight="regular" htmlFor="include-preliminary">
          {t('assessmentResults.preliminary.toggle')}
        </label>
      </div>
      <p className="field-hint" id="include-preliminary-hint">
        {t('assessmentResults.preliminary.hint')}
      </p>
    </div>
  );
}

/** A sheet's state beside its name when it is not submitted: preliminary figures, or none at all. */
export function SheetTag({ status, preliminary }: { status: string; preliminary: boolean }) {
  const { t } = useTranslation();
  if (preliminary) return <Tag color="warning">{t('assessmentResults.preliminary.tag')}</Tag>;
  if (status !== 'submitted')
    return <Tag color="neutral">{t('assessmentResults.preliminary.notSubmitted')}</Tag>;
  return null;
}

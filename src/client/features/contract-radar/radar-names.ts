import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Radar } from '../../../shared/contracts/contract-radar.ts';

/** Names for the codes and keys a radar refers by, and amounts in kronor in the reader's language. */
export function useRadarNames(radar: Radar) {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const municipalities = new Map(radar.municipalities.map((m) => [m.code, m.name]));
    const technologies = new Map(radar.technologies.map((t) => [t.key, t.name]));
    const money = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', {
      style: 'currency',
      currency: 'SEK',
      maximumFractionDigits: 0,
    });
    return {
      municipality: (code: string) => municipalities.get(code) ?? code,
      technology: (key: string) => technologies.get(key) ?? key,
      money: (n: number) => money.format(n),
    };
  }, [radar, i18n.language]);
}

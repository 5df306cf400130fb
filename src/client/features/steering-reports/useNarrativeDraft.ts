import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import {
  type SaveNarrative,
  type SectionKey,
  SteeringReport,
} from '../../../shared/contracts/steering-reports.ts';
import { type Autosave, useAutosave } from '../../components/form/index.ts';
import { ApiError, api } from '../../lib/api.ts';
import { API_BASE, reportKey, reportsKey } from './data.ts';

type Texts = Partial<Record<SectionKey, string>>;

export interface NarrativeDraft {
  texts: Texts;
  setText: (key: SectionKey, text: string) => void;
  /** When each section was last saved from this page; a section not saved here has no time. */
  savedAt: Partial<Record<SectionKey, Date>>;
  /** Sections changed here and not yet saved. */
  isPending: (key: SectionKey) => boolean;
  /** Sections someone else saved while this person wrote: autosave waits until each is resolved. */
  conflicts: readonly SectionKey[];
  /** Keep this person's text: it is saved over the other one (now seen). */
  keepMine: (key: SectionKey, theirs: string) => void;
  /** Take the saved text instead of this person's. */
  takeTheirs: (key: SectionKey, theirs: string) => void;
  autosave: Autosave;
}

const textsOf = (r: SteeringReport): Texts => Object.fromEntries(r.sections.map((s) => [s.key, s.narrative]));

/**
 * The report's narrative as one form: every section's text, saved a moment after the person stops
 * typing — only the sections that changed, in one request. Each carries the text last seen as `base`,
 * so a section someone else saved meanwhile is refused (409) instead of overwritten; the person then
 * chooses per section whose text stays.
 */
export function useNarrativeDraft(report: SteeringReport): NarrativeDraft {
  const qc = useQueryClient();
  const [texts, setTexts] = useState<Texts>(() => textsOf(report));
  // What the server holds as far as this page knows: the base of the next save.
  const stored = useRef<Texts>(textsOf(report));
  const [savedAt, setSavedAt] = useState<Partial<Record<SectionKey, Date>>>({});
  const [conflicts, setConflicts] = useState<SectionKey[]>([]);

  const save = useCallback(
    async (value: Texts) => {
      const changed = (Object.keys(value) as SectionKey[]).filter((k) => value[k] !== stored.current[k]);
      if (changed.length === 0) return;
      const body: SaveNarrative = {
        sections: Object.fromEntries(changed.map((k) => [k, value[k] ?? ''])),
        base: Object.fromEntries(changed.map((k) => [k, stored.current[k] ?? ''])),
      };
      try {
        const saved = await api.put(`${API_BASE}/${report.id}/narrative`, SteeringReport, body);
        for (const k of changed) stored.current[k] = value[k] ?? '';
        const now = new Date();
        setSavedAt((old) => ({ ...old, ...Object.fromEntries(changed.map((k) => [k, now])) }));
        qc.setQueryData(reportKey(report.id), saved);
        void qc.invalidateQueries({ queryKey: reportsKey, exact: true });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'narrative_conflict') {
          const stale = Object.keys(err.fieldErrors)
            .map((path) => path.split('.').at(-1) as SectionKey)
            .filter((k) => changed.includes(k));
          setConflicts(stale.length ? stale : changed);
          // The other person's text, to show beside this one's.
          void qc.invalidateQueries({ queryKey: reportKey(report.id), exact: true });
        }
        throw err;
      }
    },
    [qc, report.id],
  );

  const autosave = useAutosave(texts, save, { enabled: conflicts.length === 0 });
  const resolve = (key: SectionKey, theirs: string, text: string) => {
    stored.current[key] = theirs;
    setTexts((old) => ({ ...old, [key]: text }));
    setConflicts((old) => old.filter((k) => k !== key));
  };

  return {
    texts,
    setText: (key, text) => setTexts((old) => ({ ...old, [key]: text })),
    savedAt,
    isPending: (key) => texts[key] !== stored.current[key],
    conflicts,
    keepMine: (key, theirs) => resolve(key, theirs, texts[key] ?? ''),
    takeTheirs: (key, theirs) => resolve(key, theirs, theirs),
    autosave,
  };
}

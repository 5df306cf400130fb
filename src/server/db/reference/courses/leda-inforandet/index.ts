import type { z } from 'zod';
import type { CourseContent } from '../../../../../shared/contracts/course-content.ts';
import { forankringOchMal } from './01-forankring-och-mal.ts';
import { insiktNulageOchBehov } from './02-insikt-nulage-och-behov.ts';
import { testaOchInfora } from './03-testa-och-infora.ts';
import { nyttorealisering } from './04-nyttorealisering.ts';
import { ledaKompetensutveckling } from './05-leda-kompetensutveckling.ts';

export const ledaInforandet: z.input<typeof CourseContent> = {
  key: 'leda-inforandet',
  track: 'managers',
  languages: ['sv', 'en'],
  title: {
    sv: 'Leda införandet av välfärdsteknik',
    en: 'Leading the introduction of welfare technology',
  },
  summary: {
    sv: 'För enhetschefer i äldreomsorg och funktionshinderomsorg. Från förankring och mål via nulägesanalys, test och införande till nyttorealisering och kompetensutveckling – med kontrollfrågor efter varje modul och frågor att arbeta med i chefsgruppen.',
    en: 'For unit managers in elder care and disability services. From anchoring and goals, through current-state analysis, trial and implementation, to benefit realisation and competence development – with a quiz after each module and questions to work on in the management team.',
  },
  /** Lessons (62 minutes) plus a quiz of about three minutes per module. */
  estimatedMinutes: 80,
  modules: [
    forankringOchMal,
    insiktNulageOchBehov,
    testaOchInfora,
    nyttorealisering,
    ledaKompetensutveckling,
  ],
};

import type { z } from 'zod';
import type { CourseContent } from '../../../../../shared/contracts/course-content.ts';
import { vadArValfardsteknik } from './01-vad-ar-valfardsteknik.ts';
import { etikLagSamtycke } from './02-etik-lag-samtycke.ts';
import { dokumentation } from './03-dokumentation.ts';
import { itOchInformationssakerhet } from './04-it-och-informationssakerhet.ts';
import { franBehovTillUppfoljning } from './05-fran-behov-till-uppfoljning.ts';

export const valfardsteknikIVardagen: z.input<typeof CourseContent> = {
  key: 'valfardsteknik-i-vardagen',
  track: 'staff',
  languages: ['sv', 'sv-x-plain', 'en'],
  title: {
    sv: 'Välfärdsteknik i vardagen',
    'sv-x-plain': 'Välfärdsteknik i vardagen',
    en: 'Welfare technology in everyday care',
  },
  summary: {
    sv: 'En grundkurs för dig som arbetar i hemtjänst eller på särskilt boende. Korta lektioner som du kan läsa i mobilen, ett kort test efter varje modul och frågor att prata om på arbetsplatsträffen.',
    'sv-x-plain':
      'En kurs för dig som arbetar i hemtjänsten eller på ett boende. Lektionerna är korta. Du kan läsa dem i mobilen. Efter varje del gör du ett kort test. Sedan pratar ni om frågor på jobbet.',
    en: 'A foundation course for staff in home care and nursing homes. Short lessons to read on your phone, a short quiz after each module and questions to discuss at the workplace meeting.',
  },
  /** Lessons (84 minutes) plus a quiz of about three minutes per module. */
  estimatedMinutes: 100,
  modules: [
    vadArValfardsteknik,
    etikLagSamtycke,
    dokumentation,
    itOchInformationssakerhet,
    franBehovTillUppfoljning,
  ],
};

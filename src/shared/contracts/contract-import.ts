import { z } from 'zod';
import { ParamText } from './common.ts';

/**
 * The contract list a municipality keeps in Excel, as the import reads it (issue 17). Headers are
 * matched without regard to case or spacing; the first is the one the template uses.
 */
export const contractImportColumns = [
  {
    key: 'externalRef',
    required: true,
    headers: [
      'avtalsnummer',
      'avtalsnr',
      'avtals-id',
      'avtalsid',
      'avtal nr',
      'contract number',
      'externalref',
    ],
  },
  {
    key: 'title',
    required: true,
    headers: ['benämning', 'avtal', 'avtal/benämning', 'avtalsnamn', 'avtalets namn', 'namn', 'title'],
  },
  {
    key: 'supplier',
    required: true,
    headers: [
      'leverantör',
      'leverantor',
      'leverantörens namn',
      'organisationsnummer',
      'org.nr',
      'orgnr',
      'supplier',
    ],
  },
  {
    key: 'technologies',
    required: false,
    headers: ['teknik', 'tekniker', 'teknikområde', 'välfärdsteknik', 'technology', 'technologies'],
  },
  {
    key: 'procurementForm',
    required: false,
    headers: [
      'upphandlingsform',
      'upphandling',
      'upphandlingstyp',
      'anskaffningsform',
      'procurement form',
      'procurementform',
    ],
  },
  {
    key: 'frameworkName',
    required: false,
    headers: ['ramavtal', 'ramavtalets namn', 'framework', 'framework name', 'frameworkname'],
  },
  {
    key: 'startsOn',
    required: true,
    headers: ['startdatum', 'start', 'avtalsstart', 'giltigt från', 'från', 'starts on', 'startson'],
  },
  {
    key: 'endsOn',
    required: true,
    headers: ['slutdatum', 'slut', 'avtalsslut', 'giltigt till', 'till', 'ends on', 'endson'],
  },
  {
    key: 'extensions',
    required: false,
    headers: [
      'förlängning',
      'förlängningar',
      'förlängningsoption',
      'förlängningsoptioner',
      'optioner',
      'extensions',
    ],
  },
  {
    key: 'decideBy',
    required: false,
    headers: [
      'sista beslutsdatum förlängning',
      'sista beslutsdatum',
      'beslutsdatum förlängning',
      'beslutsdatum',
      'decide by',
      'decideby',
    ],
  },
  {
    key: 'noticeMonths',
    required: false,
    headers: [
      'uppsägningstid (månader)',
      'uppsägningstid',
      'uppsägningstid månader',
      'uppsägning',
      'notice months',
      'noticemonths',
    ],
  },
  {
    key: 'annualValueSek',
    required: false,
    headers: [
      'årligt värde (sek)',
      'årligt värde',
      'årligt värde (kr)',
      'årligt värde sek',
      'värde per år',
      'uppskattat årligt värde',
      'annual value',
      'annual value (sek)',
      'annualvaluesek',
    ],
  },
  {
    key: 'responsible',
    required: false,
    headers: ['ansvarig', 'ansvarig e-post', 'avtalsansvarig', 'responsible', 'responsible email'],
  },
  {
    key: 'notes',
    required: false,
    headers: ['anteckning', 'anteckningar', 'kommentar', 'notering', 'övrigt', 'notes'],
  },
] as const;
export type ContractImportColumnKey = (typeof contractImportColumns)[number]['key'];

/**
 * What "Upphandlingsform" accepts (case-insensitive), by the value stored: the shown Swedish name first,
 * then synonyms and the API's keys. An empty cell with a framework named in "Ramavtal" is a call-off.
 */
export const contractImportValues = {
  procurementForm: {
    own: ['Egen upphandling', 'egen', 'eget', 'upphandling', 'own'],
    joint: [
      'Samordnad upphandling',
      'gemensam upphandling',
      'gemensam',
      'samordnad',
      'samupphandling',
      'joint',
    ],
    framework_call_off: [
      'Avrop från ramavtal',
      'avrop',
      'ramavtal',
      'avrop ramavtal',
      'avrop från ramavtal',
      'call-off',
      'framework call-off',
      'framework_call_off',
    ],
    direct_award: [
      'Direktupphandling',
      'direktupphandlat',
      'direktupphandlad',
      'direkt',
      'direct award',
      'direct_award',
    ],
  },
} as const;

/** The municipality whose register the file is imported into, by its four-digit code. */
export const ContractImportParams = z.object({ code: ParamText.regex(/^\d{4}$/) });

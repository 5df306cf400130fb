import type { ProcurementPhase } from '../../../shared/contracts/procurements.ts';

/**
 * What a new joint procurement's checklist starts with, per phase: the steps a small municipality
 * without procurement specialists most often misses (after SKR's and Adda's guidance). The lead adds
 * its own; the labels are the procurement's data from then on, so they are stored in Swedish.
 */
export const defaultChecklist: Record<ProcurementPhase, readonly string[]> = {
  needs_analysis: [
    'Samla in behov och nuläge från de deltagande kommunerna',
    'Ta fram volymer och nuvarande avtals slutdatum',
  ],
  market_dialogue: ['Publicera förhandsannons eller RFI', 'Genomför dialogmöten med leverantörer'],
  requirements: [
    'Bygg kravspecifikationen från kravbiblioteket',
    'Stäm av krav på informationssäkerhet och dataskydd (DPIA)',
    'Samla in beslut och fullmakter från deltagarna',
  ],
  tender_published: ['Publicera upphandlingen', 'Besvara frågor under anbudstiden'],
  evaluation: ['Öppna och kvalificera anbuden', 'Utvärdera enligt kriterierna'],
  award: [
    'Fatta tilldelningsbeslut',
    'Skicka tilldelningsbeslut till anbudsgivarna',
    'Vänta ut avtalsspärren',
  ],
  contract_signed: ['Underteckna avtalet', 'Registrera avtalet hos varje deltagande kommun'],
  call_offs: ['Planera avrop och införande per kommun', 'Följ upp avtalet och leverantören'],
};

/** The self-governing region of each county (SCB county code → name). Gotland's region is the municipality's. */
export const regionNames: Record<string, string> = {
  '01': 'Region Stockholm',
  '03': 'Region Uppsala',
  '04': 'Region Sörmland',
  '05': 'Region Östergötland',
  '06': 'Region Jönköpings län',
  '07': 'Region Kronoberg',
  '08': 'Region Kalmar län',
  '09': 'Region Gotland',
  '10': 'Region Blekinge',
  '12': 'Region Skåne',
  '13': 'Region Halland',
  '14': 'Västra Götalandsregionen',
  '17': 'Region Värmland',
  '18': 'Region Örebro län',
  '19': 'Region Västmanland',
  '20': 'Region Dalarna',
  '21': 'Region Gävleborg',
  '22': 'Region Västernorrland',
  '23': 'Region Jämtland Härjedalen',
  '24': 'Region Västerbotten',
  '25': 'Region Norrbotten',
};

/** SKR's ten model municipalities for elder-care digitalisation (appointed 2020), by SCB code. */
export const modelMunicipalityNames = [
  'Borås',
  'Eskilstuna',
  'Grästorp',
  'Kalmar',
  'Karlstad',
  'Kramfors',
  'Lund',
  'Skellefteå',
  'Uddevalla',
  'Övertorneå',
];

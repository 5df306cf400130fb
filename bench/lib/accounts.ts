/** Known login accounts that the generator creates and the scenarios log in as. */
export const BENCH_DOMAIN = 'bench.valfardsnavet.se';
/** Password of every generated account that can log in (bench data only, never a real system). */
export const BENCH_PASSWORD = 'bench-välfärdsnavet-2025';
/** SECRETS_KEY of the bench server (sealed IdP secrets); a fixed key used by nothing but the bench. */
export const BENCH_SECRETS_KEY = 'YmVuY2gta2V5LWZvci1zZWFsZWQtc2VjcmV0cy0zMmI=';

export const benchEmail = {
  /** Municipal coordinator of the municipality with this SCB code. */
  coordinator: (municipalityCode: string) => `bench-coordinator-${municipalityCode}@${BENCH_DOMAIN}`,
  /** Manager of the municipality's first unit. */
  manager: (municipalityCode: string) => `bench-manager-${municipalityCode}@${BENCH_DOMAIN}`,
  /** Staff member at the municipality's first unit. */
  staff: (municipalityCode: string) => `bench-staff-${municipalityCode}@${BENCH_DOMAIN}`,
  /** Regional coordinator of the region with this county code. */
  regional: (countyCode: string) => `bench-regional-${countyCode}@${BENCH_DOMAIN}`,
  admin: () => `bench-admin@${BENCH_DOMAIN}`,
};

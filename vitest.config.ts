import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/api/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Generous: in CI the suites and the browser tests share the machine (scripts/test.mjs).
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
      {
        test: {
          // The pure unit tests alone (no database): run beside the API tests on PostgreSQL in CI.
          name: 'src',
          include: ['src/**/*.test.ts'],
          testTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'api',
          // The API tests alone, for the second database (the pure unit tests in src/ need none).
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          // Generous: in CI the suites and the browser tests share the machine (scripts/test.mjs).
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
      {
        // The real server killed with SIGKILL under writes and restarted (scripts/test.mjs runs it on
        // PGlite and on PostgreSQL); its own project because it spawns servers and takes a minute.
        test: {
          name: 'durability',
          include: ['tests/durability/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // Three real servers on one PostgreSQL (tests/support/instances.ts): sessions, limits, caches
        // and jobs over instances (issue 19). PostgreSQL only; scripts/test.mjs runs it when
        // TEST_DATABASE_URL is set, alone, since it spawns servers.
        test: {
          name: 'multi-instance',
          include: ['tests/multi-instance/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          // Two specs at a time, each with its own server, database copy and Chromium: a spec spends
          // much of its time waiting (page loads, argon2, PGlite's disk writes), so two share the two
          // cores well. Vitest's default on two cores is one.
          maxWorkers: 2,
          // A worker imports the server once and runs its specs one after another: importing it again
          // for each of ~50 specs was a tenth of the suite's time. Each spec still builds its own app on
          // its own database copy, and caches belong to their database (lib/caches.ts): no spec is answered
          // from another's.
          isolate: false,
        },
      },
    ],
  },
});

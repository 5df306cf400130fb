import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { bootstrapDatabase } from './db/bootstrap.ts';
import { openDatabase } from './db/client.ts';
import { DEMO_PASSWORD, demoAccounts } from './db/demo/demo-people.ts';
import { OperatorError } from './db/operator-error.ts';
import { DEMO_IDP_PASSWORD, demoIdpAccounts } from './features/sso/demo-idp/demo-idp-accounts.ts';
import { keyFileInDataDir } from './lib/secrets.ts';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // After openDatabase, which checks DATA_DIR and says in one line what is wrong with it.
  // One machine (PGlite) or the demo: a generated key in the data directory; several instances on
  // PostgreSQL must share SECRETS_KEY instead.
  if (!config.secretsKey && (!config.databaseUrl || config.demoData)) {
    try {
      config.secretsKey = keyFileInDataDir(config.dataDir);
    } catch (err) {
      throw new OperatorError(
        `Cannot keep the secrets key in ${config.dataDir}: ${(err as Error).message}. Set SECRETS_KEY or fix the directory.`,
      );
    }
  }
  const { hasDemoData } = await bootstrapDatabase(database, { demoData: config.demoData });
  const demo = hasDemoData && config.demoData;
  // The demo OIDC provider for Borlänge runs only with the demo dataset, never otherwise.
  const app = await buildApp({
    database,
    config,
    demo,
    demoIdp: demo ? { keyDir: config.dataDir } : false,
    // Reminders and alerts by date (assessment rounds, contract decisions, funding deadlines): hourly
    // scheduled jobs, run by one instance however many there are.
    scheduledJobs: true,
  });

  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  const lines = [``, `Välfärdsnavet is running at ${config.publicUrl}  (database: ${where})`];
  if (hasDemoData) {
    lines.push(``, `Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts.filter((d) => d.login)) lines.push(`  ${a.email.padEnd(44)} ${a.role}`);
  }
  if (demo) {
    lines.push(
      ``,
      `Sign in with the organisation's identity (demo OIDC provider for Borlänge at ${config.publicUrl}/demo-idp):`,
      `  ${config.publicUrl}/logga-in → "Logga in med din organisation" → "Borlänge" → "Logga in som …"`,
      `  or username ${demoIdpAccounts.map((a) => a.username).join(' / ')} with password ${DEMO_IDP_PASSWORD}`,
    );
  }
  lines.push(
    config.adminMfa
      ? `Second factor (passkey or app code) required for administrators and coordinators (ADMIN_MFA=required).`
      : `Second factor for administrators and coordinators is OFF (demo data or ADMIN_MFA=off); set ADMIN_MFA=required to require it.`,
  );
  console.log(`${lines.join('\n')}\n`);
}

main().catch((err) => {
  // What the operator must fix is said in one line; anything else is a bug and keeps its stack.
  if (err instanceof OperatorError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});

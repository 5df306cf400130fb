import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { queryRows } from './client.ts';
import { loadDemoData } from './demo/load-demo.ts';
import { runMigrations } from './migrate.ts';
import { starterCourses } from './reference/courses/index.ts';
import { loadDefaultAssessmentTemplate } from './reference/load-assessment-template.ts';
import { loadReferenceCourses } from './reference/load-courses.ts';
import { loadReferenceData } from './reference/load-reference.ts';
import { loadTechnologyCatalogue } from './reference/load-technologies.ts';

export interface BootstrapResult {
  demoLoaded: boolean;
  hasDemoData: boolean;
}

/** Migrations, reference data and starter courses (every start, idempotent) and — into an empty database — the demo dataset. */
export async function bootstrapDatabase(
  database: Database,
  opts: { demoData: boolean },
): Promise<BootstrapResult> {
  await runMigrations(database);
  await loadReferenceData(database.db);
  await loadReferenceCourses(database.db, starterCourses);
  await loadTechnologyCatalogue(database.db);
  await loadDefaultAssessmentTemplate(database.db);
  const [users] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from users`);
  let demoLoaded = false;
  if (opts.demoData && (users?.n ?? 0) === 0) {
    await loadDemoData(database.db);
    demoLoaded = true;
  }
  const [demo] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from users where email like '%@demo.valfardsnavet.se'`,
  );
  return { demoLoaded, hasDemoData: (demo?.n ?? 0) > 0 };
}

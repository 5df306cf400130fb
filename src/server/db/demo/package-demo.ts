import { readdir, readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import type { Actor } from '../../../shared/access/index.ts';
import { loadActorMemberships } from '../../features/auth/session.repo.ts';
import { importCourse } from '../../features/course-packages/package-import.service.ts';
import { insertEnrolments } from '../../features/learning/enrolments.repo.ts';
import type { Db } from '../client.ts';
import { courses, memberships, organisations, users } from '../schema/index.ts';
import { DEMO_DOMAIN } from './demo-people.ts';

/**
 * Course packages written for the demo (issue 18), kept as folders next to the loaders and zipped at
 * load: imported through the same code as an upload and enrolled for the demo care worker, so the
 * SCORM player and the cmi5 launch can be tried without a package of one's own.
 */

/** A fixed time in the zip entries, so a package (and its SHA-256) is the same on every load. */
const ZIP_MTIME = new Date('2026-01-01T00:00:00Z');

/** Every file under `dir`, keyed by its path relative to the package folder with '/' separators. */
export async function readPackageFolder(dir: URL, prefix = ''): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory())
      Object.assign(files, await readPackageFolder(new URL(`${entry.name}/`, dir), `${path}/`));
    else if (entry.isFile()) files[path] = new Uint8Array(await readFile(new URL(entry.name, dir)));
  }
  return files;
}

/** The package folder as the zip a course author would upload. */
export async function zipPackageFolder(dir: URL): Promise<Buffer> {
  return Buffer.from(zipSync(await readPackageFolder(dir), { mtime: ZIP_MTIME }));
}

const demoEmail = (local: string) => `${local}@${DEMO_DOMAIN}`;

async function demoUserId(db: Db, local: string): Promise<string> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoEmail(local)));
  if (!row) throw new Error(`Demo data missing the account ${demoEmail(local)}`);
  return row.id;
}

/** The actor as a session would build it: the person and the roles they hold. */
async function actorOf(db: Db, userId: string): Promise<Actor> {
  const rows = await loadActorMemberships(db, userId);
  return {
    userId,
    memberships: rows.map((m) => ({
      organisationId: m.organisationId,
      organisationKind: m.organisationKind,
      role: m.role,
    })),
  };
}

/**
 * Imports the package folder as a course owned by Falun municipality, by Falun's coordinator, and enrols
 * the demo care worker through their unit. Skipped when a course with the key the import chooses from
 * the package's title is already there.
 */
export async function loadDemoPackage(
  db: Db,
  pkg: { courseKey: string; dir: URL; label: string },
  log: (line: string) => void = console.log,
): Promise<void> {
  const [existing] = await db.select({ id: courses.id }).from(courses).where(eq(courses.key, pkg.courseKey));
  if (existing) {
    log(`demo: course ${pkg.courseKey} already exists; the ${pkg.label} demo is not loaded again`);
    return;
  }
  const [falun] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), eq(organisations.code, '2080')));
  if (!falun) throw new Error('Reference data missing municipality 2080 (Falun)');

  const coordinatorId = await demoUserId(db, 'samordnare.falun');
  const result = await importCourse(db, await actorOf(db, coordinatorId), {
    content: await zipPackageFolder(pkg.dir),
    fields: { ownerOrganisationId: falun.id, track: 'staff' },
  });

  const learnerId = await demoUserId(db, 'personal.falun');
  const [placement] = await db
    .select({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, learnerId), eq(memberships.role, 'staff')));
  await insertEnrolments(db, [
    {
      userId: learnerId,
      courseId: result.courseId,
      programmeId: null,
      organisationId: placement?.organisationId ?? null,
      enrolledBy: coordinatorId,
    },
  ]);
}

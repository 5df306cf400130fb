import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CourseContent } from '../../../shared/contracts/course-content.ts';
import { verbs } from '../../../shared/contracts/learning.ts';
import type { Gender } from '../../../shared/contracts/people.ts';
import {
  ACTIVITY_BASE,
  isNativeCourse,
  type NativeCourseRow,
  requiredItems,
} from '../../features/learning/course-content.ts';
import { findPublishedCourseByKey } from '../../features/learning/courses.repo.ts';
import type { Db } from '../client.ts';
import {
  enrolmentItems,
  enrolments,
  learningStatements,
  memberships,
  organisations,
  programmeCourses,
  programmeMunicipalities,
  programmes,
  studyGroupAttendance,
  studyGroupMeetings,
  studyGroupMembers,
  studyGroups,
  users,
} from '../schema/index.ts';
import { AKADEMI_NORR, akademiNorrCodes, DEMO_DOMAIN } from './demo-people.ts';

export const STAFF_COURSE_KEY = 'valfardsteknik-i-vardagen';
export const MANAGER_COURSE_KEY = 'leda-inforandet';
export const AKADEMI_NORR_PROGRAMME = 'Välfärdsteknologi i omsorgen';
export const DALARNA_PROGRAMME = 'Leda digital omställning i Dalarna';
const DAY = 86_400_000;

/** A small deterministic generator (mulberry32): the same demo data on every load. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
  };
}

/** Invented names: common Swedish first names and surnames, combined. Any likeness is coincidental. */
const womenNames = [
  'Anna',
  'Eva',
  'Maria',
  'Karin',
  'Kristina',
  'Lena',
  'Sara',
  'Emma',
  'Ingrid',
  'Marie',
  'Malin',
  'Jenny',
  'Hanna',
  'Linnéa',
  'Elin',
  'Ida',
  'Johanna',
  'Annika',
  'Susanne',
  'Camilla',
  'Åsa',
  'Ulrika',
  'Helena',
  'Sofia',
  'Frida',
  'Maja',
  'Ebba',
  'Amira',
  'Leyla',
  'Nour',
  'Saga',
  'Tove',
  'Agnes',
  'Märta',
] as const;
const menNames = [
  'Lars',
  'Anders',
  'Johan',
  'Per',
  'Erik',
  'Karl',
  'Mikael',
  'Jonas',
  'Fredrik',
  'Magnus',
  'Mattias',
  'Daniel',
  'Henrik',
  'Oskar',
  'Emil',
  'Viktor',
  'Ali',
  'Mohammed',
  'Hassan',
  'Olle',
  'Nils',
  'Göran',
  'Håkan',
  'Tomas',
  'Niklas',
  'Jesper',
  'Axel',
  'Isak',
] as const;
const neutralNames = ['Kim', 'Robin', 'Alex', 'Sam', 'Charlie', 'Noa'] as const;
const surnames = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
  'Gustafsson',
  'Pettersson',
  'Jonsson',
  'Lindberg',
  'Lindqvist',
  'Lundgren',
  'Berg',
  'Forsberg',
  'Sandberg',
  'Holm',
  'Ström',
  'Sjögren',
  'Lundström',
  'Nyberg',
  'Wikström',
  'Öberg',
  'Åström',
  'Hedlund',
  'Lindgren',
  'Marklund',
  'Nordlund',
  'Burman',
  'Grahn',
  'Ahmed',
  'Hussein',
  'Rahimi',
] as const;

const ascii = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');

type Rng = ReturnType<typeof random>;

function person(rng: Rng, n: number, prefix: string): { name: string; email: string; gender: Gender | null } {
  const roll = rng.next();
  // Most care staff are women; a few state another gender or none.
  const [first, gender]: [string, Gender | null] =
    roll < 0.78
      ? [rng.pick(womenNames), 'woman']
      : roll < 0.95
        ? [rng.pick(menNames), 'man']
        : roll < 0.97
          ? [rng.pick(neutralNames), 'other']
          : roll < 0.99
            ? [rng.pick(neutralNames), 'not_stated']
            : [rng.pick(neutralNames), null];
  const last = rng.pick(surnames);
  return {
    name: `${first} ${last}`,
    email: `${prefix}.${ascii(first)}.${ascii(last)}.${n}@${DEMO_DOMAIN}`,
    gender,
  };
}

const chunk = <T>(list: T[], size = 1000) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Statements, items and counters of one learner who has done the first `done` required items. */
interface Planned {
  enrolment: typeof enrolments.$inferInsert & { id: string };
  items: (typeof enrolmentItems.$inferInsert)[];
  statements: (typeof learningStatements.$inferInsert)[];
}

function progress(
  rng: Rng,
  course: NativeCourseRow,
  base: {
    id: string;
    userId: string;
    programmeId: string | null;
    organisationId: string;
    enrolledBy: string | null;
  },
  enrolledAt: Date,
  done: number,
  now: number,
): Planned {
  const content: CourseContent = course.content;
  const required = requiredItems(content).slice(0, done);
  const items: Planned['items'] = [];
  const statements: Planned['statements'] = [];
  const cap = now - rng.int(1, 48) * 3600_000;
  let at = Math.min(enrolledAt.getTime() + rng.int(1, 10) * DAY, cap - done * 3600_000);
  let seconds = 0;
  for (const item of required) {
    // Never in the future, and in order: the last item is the latest activity.
    at = Math.min(at + rng.int(2, 60) * 3600_000, cap);
    const timestamp = new Date(at);
    const [kind, path] = item.split(':') as [string, string];
    const [moduleKey, lessonKey] = path.split('/') as [string, string | undefined];
    const module = content.modules.find((m) => m.key === moduleKey)!;
    if (kind === 'lesson') {
      const lesson = module.lessons.find((l) => l.key === lessonKey)!;
      const secs = Math.max(60, lesson.estimatedMinutes * 60 + rng.int(-60, 180));
      seconds += secs;
      statements.push({
        id: randomUUID(),
        userId: base.userId,
        verb: verbs.completed,
        objectId: `${ACTIVITY_BASE}/${course.key}/modules/${moduleKey}/lessons/${lessonKey}`,
        courseId: course.id,
        enrolmentId: base.id,
        result: { completion: true, duration: `PT${Math.floor(secs / 60)}M${secs % 60}S` },
        context: { registration: base.id, language: 'sv' },
        timestamp,
      });
      items.push({ enrolmentId: base.id, item, completedAt: timestamp, score: null });
    } else {
      const questions = module.quiz.questions.length;
      const right = Math.max(Math.ceil(module.quiz.passMark * questions), questions - rng.int(0, 1));
      const scaled = Math.round((right / questions) * 100) / 100;
      const secs = rng.int(120, 420);
      seconds += secs;
      statements.push({
        id: randomUUID(),
        userId: base.userId,
        verb: verbs.passed,
        objectId: `${ACTIVITY_BASE}/${course.key}/modules/${moduleKey}/quiz`,
        courseId: course.id,
        enrolmentId: base.id,
        result: { score: { scaled }, success: true, duration: `PT${Math.floor(secs / 60)}M${secs % 60}S` },
        context: { registration: base.id, language: 'sv' },
        timestamp,
      });
      items.push({ enrolmentId: base.id, item, completedAt: timestamp, score: Math.round(scaled * 100) });
    }
  }
  const first = statements[0]?.timestamp as Date | undefined;
  const last = statements.at(-1)?.timestamp as Date | undefined;
  const complete = done >= requiredItems(content).length;
  return {
    enrolment: {
      ...base,
      courseId: course.id,
      enrolledAt,
      startedAt: first ?? null,
      lastActivityAt: last ?? null,
      completedAt: complete ? (last ?? null) : null,
      itemsCompleted: items.length,
      secondsSpent: seconds,
    },
    items,
    statements,
  };
}

/** A stage: not started (0 items), in progress (some), completed (all). */
function stage(rng: Rng, total: number, weights: [number, number, number]) {
  const r = rng.next();
  if (r < weights[0]) return 0;
  if (r < weights[0] + weights[1]) return rng.int(1, total - 1);
  return total;
}

async function writePlanned(tx: Db, planned: Planned[]) {
  for (const part of chunk(planned.map((p) => p.enrolment))) await tx.insert(enrolments).values(part);
  for (const part of chunk(planned.flatMap((p) => p.items))) await tx.insert(enrolmentItems).values(part);
  for (const part of chunk(
    planned.flatMap((p) => p.statements),
    500,
  ))
    await tx.insert(learningStatements).values(part);
}

const unitNames = (municipality: string) => [
  `Hemtjänsten ${municipality}`,
  `${municipality} vård- och omsorgsboende`,
  `Hemsjukvård och rehab ${municipality}`,
];

/**
 * The learning part of the demo: Akademi Norr's ESF programme "Välfärdsteknologi i omsorgen" (11
 * municipalities, target 460, ~460 invented participants at every stage, a managers' track), Region
 * Dalarna's leadership programme with 21 managers, and the demo staff member and manager in Falun with
 * progress and a study group that has met once. Loaded after the base demo data, into an empty database.
 */
export async function loadLearningDemo(db: Db, log: (line: string) => void = console.log): Promise<void> {
  const staff = await findPublishedCourseByKey(db, STAFF_COURSE_KEY);
  const manager = await findPublishedCourseByKey(db, MANAGER_COURSE_KEY);
  const staffCourse = isNativeCourse(staff) ? staff : null;
  const managerCourse = isNativeCourse(manager) ? manager : null;
  if (!staffCourse)
    log(`demo: course ${STAFF_COURSE_KEY} is not loaded; programmes get no staff course or enrolments`);
  if (!managerCourse)
    log(`demo: course ${MANAGER_COURSE_KEY} is not loaded; programmes get no managers' course or enrolments`);
  const rng = random(20260460);
  const now = Date.now();
  const monthStart = (monthsAgo: number) => {
    const d = new Date(now);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsAgo, 1));
  };
  const isoDate = (d: Date) => d.toISOString().slice(0, 10);

  await db.transaction(async (tx) => {
    const org = async (where: ReturnType<typeof and>) =>
      (await tx.select().from(organisations).where(where))[0]!;
    const akademiNorr = await org(
      and(eq(organisations.kind, 'association'), eq(organisations.name, AKADEMI_NORR)),
    );
    const dalarna = await org(and(eq(organisations.kind, 'region'), eq(organisations.code, '20')));
    const anMunicipalities = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.kind, 'municipality'), inArray(organisations.code, akademiNorrCodes)));
    const dalarnaMunicipalities = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.kind, 'municipality'), eq(organisations.parentId, dalarna.id)));
    const demoUser = async (local: string) =>
      (
        await tx
          .select()
          .from(users)
          .where(eq(users.email, `${local}@${DEMO_DOMAIN}`))
      )[0]!;
    const coordinator = await demoUser('samordnare.akademinorr');
    const regionCoordinator = await demoUser('region.dalarna');

    // ---- Akademi Norr: three units per municipality, a manager each, staff for 460 participants in all.
    const anStart = monthStart(14);
    const anUnits = await tx
      .insert(organisations)
      .values(
        anMunicipalities.flatMap((m) =>
          unitNames(m.name).map((name, i) => ({
            kind: 'unit' as const,
            name,
            parentId: m.id,
            countyCode: m.countyCode,
            subtype: ['home_care', 'nursing_home', 'home_health_care'][i]!,
          })),
        ),
      )
      .returning({ id: organisations.id, parentId: organisations.parentId });
    const people: {
      name: string;
      email: string;
      gender: Gender | null;
      unitId: string;
      role: 'staff' | 'manager';
    }[] = [];
    for (const u of anUnits)
      people.push({ ...person(rng, people.length, 'an'), unitId: u.id, role: 'manager' });
    while (people.length < 460) {
      const unit = anUnits[people.length % anUnits.length]!;
      people.push({ ...person(rng, people.length, 'an'), unitId: unit.id, role: 'staff' });
    }
    const anUsers = await tx
      .insert(users)
      .values(
        people.map((p) => ({ email: p.email, name: p.name, gender: p.gender, status: 'active' as const })),
      )
      .returning({ id: users.id, email: users.email });
    const idOf = new Map(anUsers.map((u) => [u.email, u.id]));
    for (const part of chunk(
      people.map((p) => ({ userId: idOf.get(p.email)!, organisationId: p.unitId, role: p.role })),
    ))
      await tx.insert(memberships).values(part);

    const [anProgramme] = await tx
      .insert(programmes)
      .values({
        name: AKADEMI_NORR_PROGRAMME,
        ownerOrganisationId: akademiNorr.id,
        startsOn: isoDate(anStart),
        endsOn: isoDate(new Date(Date.UTC(anStart.getUTCFullYear() + 2, anStart.getUTCMonth(), 0))),
        targetParticipants: 460,
        selfEnrolment: true,
        funding: {
          esfProjectNumber: '2023/00123',
          funder: 'Svenska ESF-rådet',
          budgetSek: 9_800_000,
          grantedSek: 7_350_000,
        },
        createdBy: coordinator.id,
        createdAt: anStart,
      })
      .returning({ id: programmes.id });
    await tx
      .insert(programmeMunicipalities)
      .values(anMunicipalities.map((m) => ({ programmeId: anProgramme!.id, municipalityId: m.id })));
    const anCourses = [
      ...(staffCourse
        ? [{ programmeId: anProgramme!.id, courseId: staffCourse.id, track: 'staff' as const }]
        : []),
      ...(managerCourse
        ? [{ programmeId: anProgramme!.id, courseId: managerCourse.id, track: 'managers' as const }]
        : []),
    ];
    if (anCourses.length) await tx.insert(programmeCourses).values(anCourses);

    const planned: Planned[] = [];
    const span = now - anStart.getTime();
    for (const p of people) {
      const course = p.role === 'manager' ? managerCourse : staffCourse;
      if (!course) continue;
      const total = requiredItems(course.content).length;
      // Enrolled in waves: earlier months more, and nobody in the last week.
      const enrolledAt = new Date(anStart.getTime() + Math.floor(rng.next() ** 1.5 * (span - 14 * DAY)));
      const done = stage(rng, total, [0.18, 0.47, 0.35]);
      planned.push(
        progress(
          rng,
          course,
          {
            id: randomUUID(),
            userId: idOf.get(p.email)!,
            programmeId: anProgramme!.id,
            organisationId: p.unitId,
            enrolledBy: coordinator.id,
          },
          enrolledAt,
          done,
          now,
        ),
      );
    }

    // ---- Region Dalarna: a leadership programme for 21 managers (three demo managers, 18 invented).
    const dlStart = monthStart(8);
    const others = dalarnaMunicipalities.filter((m) => m.code !== '2080' && m.code !== '2081');
    const dlUnits = await tx
      .insert(organisations)
      .values(
        Array.from({ length: 18 }, (_, i) => {
          const m = others[i % others.length]!;
          return {
            kind: 'unit' as const,
            name: i < others.length ? `Hemtjänsten ${m.name}` : `${m.name} vård- och omsorgsboende`,
            parentId: m.id,
            countyCode: m.countyCode,
            subtype: i < others.length ? 'home_care' : 'nursing_home',
          };
        }),
      )
      .returning({ id: organisations.id });
    const dlPeople = dlUnits.map((u, i) => ({ ...person(rng, i, 'dl'), unitId: u.id }));
    const dlUsers = await tx
      .insert(users)
      .values(
        dlPeople.map((p) => ({ email: p.email, name: p.name, gender: p.gender, status: 'active' as const })),
      )
      .returning({ id: users.id, email: users.email });
    const dlId = new Map(dlUsers.map((u) => [u.email, u.id]));
    await tx.insert(memberships).values(
      dlPeople.map((p) => ({
        userId: dlId.get(p.email)!,
        organisationId: p.unitId,
        role: 'manager' as const,
      })),
    );
    const [dlProgramme] = await tx
      .insert(programmes)
      .values({
        name: DALARNA_PROGRAMME,
        ownerOrganisationId: dalarna.id,
        startsOn: isoDate(dlStart),
        endsOn: isoDate(new Date(Date.UTC(dlStart.getUTCFullYear() + 1, dlStart.getUTCMonth(), 0))),
        targetParticipants: 25,
        selfEnrolment: false,
        funding: { funder: 'Region Dalarna', budgetSek: 450_000 },
        createdBy: regionCoordinator.id,
        createdAt: dlStart,
      })
      .returning({ id: programmes.id });
    await tx
      .insert(programmeMunicipalities)
      .values(dalarnaMunicipalities.map((m) => ({ programmeId: dlProgramme!.id, municipalityId: m.id })));
    if (managerCourse) {
      await tx
        .insert(programmeCourses)
        .values({ programmeId: dlProgramme!.id, courseId: managerCourse.id, track: 'managers' });
      const total = requiredItems(managerCourse.content).length;
      const demoManagers = await tx
        .select({
          userId: memberships.userId,
          organisationId: memberships.organisationId,
          email: users.email,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.role, 'manager'),
            inArray(
              users.email,
              ['chef.falun', 'chef.lugnet', 'chef.borlange'].map((l) => `${l}@${DEMO_DOMAIN}`),
            ),
          ),
        );
      const dlSpan = now - dlStart.getTime();
      const learners = [
        ...demoManagers.map((m) => ({ userId: m.userId, organisationId: m.organisationId, email: m.email })),
        ...dlPeople.map((p) => ({ userId: dlId.get(p.email)!, organisationId: p.unitId, email: p.email })),
      ];
      for (const l of learners) {
        // The demo manager in Falun has done the first module (anchoring and goals) and started the next.
        const isSara = l.email === `chef.falun@${DEMO_DOMAIN}`;
        const firstModule = managerCourse.content.modules[0]!.lessons.length + 1;
        const done = isSara ? firstModule + 1 : stage(rng, total, [0.15, 0.55, 0.3]);
        planned.push(
          progress(
            rng,
            managerCourse,
            {
              id: randomUUID(),
              userId: l.userId,
              programmeId: dlProgramme!.id,
              organisationId: l.organisationId,
              enrolledBy: regionCoordinator.id,
            },
            new Date(dlStart.getTime() + Math.floor(rng.next() * Math.min(30 * DAY, dlSpan / 2))),
            done,
            now,
          ),
        );
      }
    }

    // ---- Falun: the demo staff member on the staff course, and a study group in Hemtjänsten Norr.
    const norr = await org(and(eq(organisations.kind, 'unit'), eq(organisations.name, 'Hemtjänsten Norr')));
    const sara = await demoUser('chef.falun');
    const groupMembers = [];
    for (const l of ['personal.falun', 'lina.persson', 'erik.wallin', 'fatima.ali'])
      groupMembers.push(await demoUser(l));
    let group: { enrolments: Map<string, string> } | null = null;
    if (staffCourse) {
      const falunPlanned = groupMembers.map((u, i) =>
        progress(
          rng,
          staffCourse,
          { id: randomUUID(), userId: u.id, programmeId: null, organisationId: norr.id, enrolledBy: sara.id },
          new Date(now - 40 * DAY),
          // Amir (the demo staff account) has finished module 1 and started module 2.
          i === 0 ? staffCourse.content.modules[0]!.lessons.length + 2 : rng.int(0, 6),
          now - 3 * DAY,
        ),
      );
      planned.push(...falunPlanned);
      group = { enrolments: new Map(falunPlanned.map((p) => [p.enrolment.userId!, p.enrolment.id])) };
    }
    await writePlanned(tx, planned);

    if (staffCourse && group) {
      const [g] = await tx
        .insert(studyGroups)
        .values({
          name: 'Studiecirkel välfärdsteknik, Hemtjänsten Norr',
          organisationId: norr.id,
          courseId: staffCourse.id,
          createdBy: sara.id,
          createdAt: new Date(now - 40 * DAY),
        })
        .returning({ id: studyGroups.id });
      await tx.insert(studyGroupMembers).values(
        groupMembers.map((u) => ({
          groupId: g!.id,
          userId: u.id,
          enrolmentId: group.enrolments.get(u.id)!,
        })),
      );
      const module1 = staffCourse.content.modules[0]!;
      const module2 = staffCourse.content.modules[1] ?? module1;
      const pastStart = new Date(now - 10 * DAY);
      pastStart.setUTCHours(12, 30, 0, 0);
      const nextStart = new Date(now + 11 * DAY);
      nextStart.setUTCHours(12, 30, 0, 0);
      const [past] = await tx
        .insert(studyGroupMeetings)
        .values([
          {
            groupId: g!.id,
            moduleKey: module1.key,
            startsAt: pastStart,
            durationMinutes: 60,
            place: 'Personalrummet, Hemtjänsten Norr',
            note: 'Vi pratade om vad välfärdsteknik kan betyda för våra brukare och om trygghetskameran på natten. Nästa gång: samtycke.',
            attendanceRecordedAt: new Date(pastStart.getTime() + 2 * 3600_000),
            attendanceRecordedBy: sara.id,
            createdBy: sara.id,
          },
          {
            groupId: g!.id,
            moduleKey: module2.key,
            startsAt: nextStart,
            durationMinutes: 60,
            place: 'Personalrummet, Hemtjänsten Norr',
            createdBy: sara.id,
          },
        ])
        .returning({ id: studyGroupMeetings.id });
      // Three of the four attended: an `attended` statement each, the meeting item and the time spent.
      const attended = groupMembers.slice(0, 3);
      const attendance = attended.map((u) => ({
        id: randomUUID(),
        userId: u.id,
        enrolmentId: group.enrolments.get(u.id)!,
      }));
      await tx.insert(learningStatements).values(
        attendance.map((a) => ({
          id: a.id,
          userId: a.userId,
          verb: verbs.attended,
          objectId: `${ACTIVITY_BASE}/${staffCourse.key}/modules/${module1.key}`,
          courseId: staffCourse.id,
          enrolmentId: a.enrolmentId,
          result: { completion: true, duration: 'PT60M' },
          context: {
            registration: a.enrolmentId,
            instructor: {
              objectType: 'Agent',
              account: { homePage: 'https://valfardsnavet.se', name: sara.id },
            },
            extensions: { 'https://valfardsnavet.se/xapi/extensions/meeting': past!.id },
          },
          timestamp: pastStart,
        })),
      );
      await tx.insert(enrolmentItems).values(
        attendance.map((a) => ({
          enrolmentId: a.enrolmentId,
          item: `meeting:${module1.key}`,
          completedAt: pastStart,
        })),
      );
      await tx
        .insert(studyGroupAttendance)
        .values(attendance.map((a) => ({ meetingId: past!.id, userId: a.userId, statementId: a.id })));
      await tx
        .update(enrolments)
        .set({
          itemsCompleted: sql`${enrolments.itemsCompleted} + 1`,
          secondsSpent: sql`${enrolments.secondsSpent} + 3600`,
          startedAt: sql`least(coalesce(${enrolments.startedAt}, ${pastStart.toISOString()}::timestamptz), ${pastStart.toISOString()}::timestamptz)`,
          lastActivityAt: sql`greatest(coalesce(${enrolments.lastActivityAt}, ${pastStart.toISOString()}::timestamptz), ${pastStart.toISOString()}::timestamptz)`,
        })
        .where(
          inArray(
            enrolments.id,
            attendance.map((a) => a.enrolmentId),
          ),
        );
    }
  });
}

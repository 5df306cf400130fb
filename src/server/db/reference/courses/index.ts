import type { z } from 'zod';
import { CourseContent } from '../../../../shared/contracts/course-content.ts';
import { ledaInforandet } from './leda-inforandet/index.ts';
import { valfardsteknikIVardagen } from './valfardsteknik-i-vardagen/index.ts';

/** The starter courses as written (schema input: optional fields such as `resources` may be left out). */
export const starterCourseInputs: z.input<typeof CourseContent>[] = [valfardsteknikIVardagen, ledaInforandet];

/** Starter courses written for Välfärdsnavet (original text), validated, loaded as reference data. */
export const starterCourses: CourseContent[] = starterCourseInputs.map((course) =>
  CourseContent.parse(course),
);

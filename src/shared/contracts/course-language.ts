import { z } from 'zod';
import { ContentLanguage } from './course-content.ts';

/**
 * The account's course language (`PUT /me/course-language`): the language course texts are shown in,
 * whatever the interface language. Null forgets the choice, so courses follow the interface language.
 */
export const CourseLanguageChoice = z.object({ language: ContentLanguage.max(35).nullable() });
export type CourseLanguageChoice = z.infer<typeof CourseLanguageChoice>;

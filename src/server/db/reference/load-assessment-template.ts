import { and, eq } from 'drizzle-orm';
import { TemplateContent } from '../../../shared/contracts/assessments.ts';
import type { Db } from '../client.ts';
import { assessmentTemplates, assessmentTemplateVersions, organisations } from '../schema/index.ts';
import { DEFAULT_TEMPLATE_KEY, defaultTemplateContent } from './assessment-template.ts';

/**
 * Publishes the default national template as version 1 when it is missing. Idempotent: once it exists,
 * nothing is touched, because a published version is frozen and later versions belong to administrators.
 */
export async function loadDefaultAssessmentTemplate(db: Db): Promise<void> {
  const content = TemplateContent.parse(defaultTemplateContent);
  await db.transaction(async (tx) => {
    const [nation] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, 'nation'), eq(organisations.code, 'SE')));
    if (!nation) throw new Error('Reference data missing the nation');
    const [template] = await tx
      .insert(assessmentTemplates)
      .values({ key: DEFAULT_TEMPLATE_KEY, ownerOrganisationId: nation.id, draft: null })
      .onConflictDoNothing({ target: assessmentTemplates.key })
      .returning({ id: assessmentTemplates.id });
    if (!template) return;
    await tx.insert(assessmentTemplateVersions).values({ templateId: template.id, version: 1, content });
  });
}

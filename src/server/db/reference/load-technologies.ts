import type { Db } from '../client.ts';
import { technologies } from '../schema/index.ts';
import { technologyCatalogue } from './technologies.ts';

/** Adds catalogue entries that are missing; never overwrites what national administrators changed. */
export async function loadTechnologyCatalogue(db: Db): Promise<void> {
  await db
    .insert(technologies)
    .values(
      technologyCatalogue.map((t, i) => ({
        key: t.key,
        category: t.category,
        nameSv: t.sv.name,
        nameEn: t.en.name,
        descriptionSv: t.sv.description,
        descriptionEn: t.en.description,
        sortOrder: (i + 1) * 10,
      })),
    )
    .onConflictDoNothing({ target: technologies.key });
}

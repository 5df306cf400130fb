import {
  type RequirementCategory,
  requirementCategories,
  type SpecificationDetail,
} from '../../../shared/contracts/requirements.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import type { ExportTable } from '../../lib/table-export.ts';

/**
 * A specification as tender documents are written: in Swedish, the requirements under a heading per
 * category (in the library's category order) and numbered through the whole document, so that "krav 12"
 * means the same row in the Word document and in the supplier's answer sheet.
 */
export interface NumberedRequirement {
  number: number;
  level: 'must' | 'should';
  text: string;
}

export interface SpecificationSection {
  category: RequirementCategory;
  heading: string;
  requirements: NumberedRequirement[];
}

export function specificationSections(s: SpecificationDetail): SpecificationSection[] {
  let number = 0;
  return requirementCategories.flatMap((category) => {
    const rows = s.items.filter((i) => i.category === category);
    if (rows.length === 0) return [];
    return [
      {
        category,
        heading: sv.requirements.categories[category],
        requirements: rows.map((i) => ({ number: ++number, level: i.level, text: i.textSv })),
      },
    ];
  });
}

export const levelLabel = (level: 'must' | 'should') => sv.requirements.levels[level];

/** One row per requirement, with empty columns for the supplier's answer. */
export function answerSheet(s: SpecificationDetail): ExportTable {
  const t = sv.requirements.export;
  return {
    title: s.title,
    sheet: t.sheet,
    columns: [
      { header: t.number, kind: 'int' },
      { header: t.category },
      { header: t.requirement, width: 70 },
      { header: t.level },
      { header: t.fulfilled },
      { header: t.answer, width: 50 },
      { header: t.reference, width: 25 },
    ],
    rows: specificationSections(s).flatMap((section) =>
      section.requirements.map((r) => [r.number, section.heading, r.text, levelLabel(r.level), '', '', '']),
    ),
  };
}

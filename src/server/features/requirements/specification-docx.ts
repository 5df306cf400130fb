import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { SpecificationDetail } from '../../../shared/contracts/requirements.ts';
import { sv } from '../../../shared/i18n/sv.ts';
import { fill } from '../../../shared/reports/steering-report-figures.ts';
import { levelLabel, specificationSections } from './specification-document.ts';

/**
 * The specification as a Word document to put in the tender documents: Heading 1 and 2 styles (the
 * navigation pane and screen readers see the outline), each requirement a paragraph starting with its
 * number and must/should, document language sv-SE. Built in memory by `docx`.
 */
export function renderSpecificationDocx(s: SpecificationDetail): Promise<Buffer> {
  const t = sv.requirements.export;
  const intro = s.introduction
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => new Paragraph({ text: p }));
  const children = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: s.title }),
    new Paragraph({
      children: [
        new TextRun({ text: fill(t.owner, { name: s.owner.name }), size: 20 }),
        new TextRun({ text: ` · ${fill(t.technology, { name: s.technology.name })}`, size: 20 }),
      ],
    }),
    ...intro,
    new Paragraph({ children: [new TextRun({ text: t.levelsExplained, italics: true })] }),
    ...specificationSections(s).flatMap((section) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: section.heading }),
      ...section.requirements.map(
        (r) =>
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({
                text: `${fill(t.numbered, { number: r.number })} (${levelLabel(r.level)}) `,
                bold: true,
              }),
              new TextRun({ text: r.text }),
            ],
          }),
      ),
    ]),
  ];
  const doc = new Document({
    title: s.title,
    creator: s.owner.name,
    styles: { default: { document: { run: { language: { value: 'sv-SE' }, font: 'Arial' } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

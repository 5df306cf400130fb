import { describe, expect, it } from 'vitest';
import {
  ADLCP,
  CP,
  CP12,
  IMSSS,
  META,
  MULTI_12,
  m12,
  parse,
  refusal,
  STORYLINE_12,
  STORYLINE_FILES,
  THIRD_2004,
} from './scorm-manifest.fixtures.ts';

describe('version detection', () => {
  it('reads a Storyline single-SCO export as SCORM 1.2', () => {
    const m = parse(STORYLINE_12, STORYLINE_FILES);
    expect(m).toMatchObject({
      version: 'scorm12',
      schemaVersion: '1.2',
      identifier: 'Brandsakerhet_SCORM12',
    });
    expect(m.scos).toEqual([
      {
        identifier: 'Brandsakerhet_SCO',
        title: 'Brandsäkerhet i hemtjänsten',
        resourceId: 'Brandsakerhet_RES',
        launch: 'index_lms.html',
        isAsset: false,
        isVisible: true,
        path: [],
        masteryScore: null,
        scaledPassingScore: null,
        launchData: null,
        timeLimitAction: null,
        maxTimeAllowed: null,
        completionThreshold: null,
      },
    ]);
  });

  it.each(['2004 4th Edition', '2004 3rd Edition', 'CAM 1.3'])(
    'reads schemaversion "%s" as SCORM 2004',
    (v) => {
      const xml = THIRD_2004.replace('2004 3rd Edition', v);
      expect(parse(xml)).toMatchObject({ version: 'scorm2004', schemaVersion: v });
    },
  );

  it('infers SCORM 1.2 from the adlcp_rootv1p2 namespace when schemaversion is missing', () => {
    expect(parse(m12({ meta: '' }))).toMatchObject({ version: 'scorm12', schemaVersion: '' });
  });

  it('infers SCORM 2004 from the ADL 1.3 or IMS SS namespaces', () => {
    expect(parse(THIRD_2004.replace(META('2004 3rd Edition'), '')).version).toBe('scorm2004');
    const imsssOnly = THIRD_2004.replace(META('2004 3rd Edition'), '').replace(
      /<adlcp:[\s\S]*?<\/adlcp:completionThreshold>/,
      '',
    );
    expect(
      parse(imsssOnly.replace(` xmlns:adlcp="${ADLCP}"`, '').replace(' adlcp:scormType="sco"', '')).version,
    ).toBe('scorm2004');
  });

  it('refuses a plain IMS content package', () => {
    const xml = `<manifest identifier="M" xmlns="${CP}"><organizations><organization identifier="O"><item identifier="I" identifierref="R"/></organization></organizations><resources><resource identifier="R" href="a.html"/></resources></manifest>`;
    expect(refusal(xml).message).toMatch(/^Not a SCORM manifest/);
  });

  it('refuses a manifest that mixes 1.2 and 2004 namespaces without a schemaversion', () => {
    expect(refusal(m12({ meta: '', root: ` xmlns:imsss="${IMSSS}"` })).message).toMatch(
      /^Not a SCORM manifest/,
    );
  });
});

describe('XML and document element', () => {
  it.each([
    ['an unclosed element', m12().replace('</manifest>', '')],
    ['a mismatched end tag', m12().replace('<title>Kurs</title>', '<title>Kurs</titel>')],
    ['an unquoted attribute', m12().replace('identifier="M"', 'identifier=M')],
    ['text that is not XML', 'imsmanifest'],
    ['an empty file', ''],
  ])('refuses %s as not well-formed', (_, xml) => {
    expect(refusal(xml).message).toMatch(/not well-formed XML/);
  });

  it('refuses a document element other than <manifest>', () => {
    expect(refusal(`<package xmlns="${CP12}"/>`).element).toBe('manifest');
  });

  it('refuses <manifest> outside the IMS CP namespace', () => {
    expect(refusal(m12().replace(`xmlns="${CP12}"`, 'xmlns="http://example.org/cp"')).message).toMatch(
      /IMS Content Packaging/,
    );
  });

  it('refuses nested manifests', () => {
    const xml = m12().replace('</resources>', `</resources><manifest identifier="SUB"/>`);
    expect(refusal(xml).message).toMatch(/nested manifests are not supported/);
  });
});

describe('organisations', () => {
  const two = (def: string) =>
    `<organizations${def}><organization identifier="A"><title>A</title><item identifier="IA" identifierref="R1"/></organization><organization identifier="B"><title>B</title><item identifier="IB" identifierref="R1"/></organization></organizations>`;

  it('uses the organisation organizations@default names', () => {
    expect(parse(m12({ orgs: two(' default="B"') }))).toMatchObject({ defaultOrganization: 'B', title: 'B' });
  });

  it('uses the first organisation when no default is given', () => {
    expect(parse(m12({ orgs: two('') })).scos.map((s) => s.identifier)).toEqual(['IA']);
  });

  it('refuses a default that names no organisation', () => {
    const error = refusal(m12({ orgs: two(' default="C"') }));
    expect(error).toMatchObject({ element: 'organizations' });
    expect(error.message).toContain('"C"');
  });

  it.each([
    ['no <organizations>', ''],
    ['an empty <organizations>', '<organizations/>'],
  ])('refuses %s', (_, orgs) => {
    expect(refusal(m12({ orgs })).message).toBe('The manifest has no organisation');
  });

  it('refuses an organisation without items', () => {
    const orgs =
      '<organizations><organization identifier="O"><title>Tom</title></organization></organizations>';
    expect(refusal(m12({ orgs })).element).toBe('organization');
  });
});

describe('SCORM 1.2 item data', () => {
  it('reads masteryscore, maxtimeallowed, timelimitaction and datafromlms', () => {
    expect(parse(MULTI_12).scos[0]).toMatchObject({
      masteryScore: 80,
      maxTimeAllowed: '00:45:00',
      timeLimitAction: 'exit,message',
      launchData: 'kommun=0180',
      scaledPassingScore: null,
      completionThreshold: null,
    });
    expect(parse(MULTI_12).scos[1]?.masteryScore).toBe(72.5);
  });

  it.each(['hundra', '120'])('refuses masteryscore "%s"', (score) => {
    const items = `<item identifier="I" identifierref="R1"><adlcp:masteryscore>${score}</adlcp:masteryscore></item>`;
    expect(refusal(m12({ items })).element).toBe('adlcp:masteryscore');
  });

  it('reads adlcp:scormtype, and the 2004 spelling some tools write', () => {
    const asset = (a: string) =>
      parse(m12({ resources: `<resource identifier="R1" ${a}="asset" href="a.pdf"/>` })).scos[0]?.isAsset;
    expect([asset('adlcp:scormtype'), asset('adlcp:scormType'), asset('scormtype')]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('offers both menu and flow navigation, as SCORM 1.2 has no sequencing', () => {
    expect(parse(MULTI_12).sequencing).toEqual({
      present: false,
      choice: true,
      flow: true,
      forwardOnly: false,
    });
  });
});

describe('titles', () => {
  it('trims titles', () => {
    expect(parse(MULTI_12).title).toBe('Läkemedelshantering');
  });

  it('falls back to the identifier when a title is missing or blank', () => {
    const orgs =
      '<organizations><organization identifier="ORG-7"><item identifier="ITEM-1" identifierref="R1"><title>  </title></item></organization></organizations>';
    const m = parse(m12({ orgs }));
    expect([m.title, m.scos[0]?.title]).toEqual(['ORG-7', 'ITEM-1']);
  });
});

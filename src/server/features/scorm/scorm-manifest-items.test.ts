import { describe, expect, it } from 'vitest';
import {
  launchOf,
  MULTI_12,
  m12,
  parse,
  refusal,
  SEQUENCED_2004,
  STORYLINE_12,
  THIRD_2004,
} from './scorm-manifest.fixtures.ts';

describe('items and resources', () => {
  it('lists SCOs and assets in document order with the titles of their clusters', () => {
    const m = parse(MULTI_12);
    expect(m.title).toBe('Läkemedelshantering');
    expect(m.scos.map((s) => [s.identifier, s.path, s.isAsset])).toEqual([
      ['M1_S1', ['Modul 1: Grunder'], false],
      ['M1_S2', ['Modul 1: Grunder'], false],
      ['PDF', [], true],
    ]);
  });

  it('keeps isvisible="false"', () => {
    expect(parse(MULTI_12).scos.map((s) => s.isVisible)).toEqual([true, true, false]);
  });

  it('refuses a leaf item without identifierref', () => {
    const error = refusal(m12({ items: '<item identifier="EMPTY"><title>Tom</title></item>' }));
    expect(error).toMatchObject({ element: 'item' });
    expect(error.message).toContain('"EMPTY"');
  });

  it('refuses an identifierref to a missing resource, naming it', () => {
    expect(refusal(m12({ items: '<item identifier="I" identifierref="NOPE"/>' })).message).toContain(
      '"NOPE"',
    );
  });

  it('refuses a launched resource without href', () => {
    const error = refusal(m12({ resources: '<resource identifier="R1" adlcp:scormtype="sco"/>' }));
    expect(error).toMatchObject({ element: 'resource', message: 'The resource "R1" has no href' });
  });

  it('refuses an href to a file the package lacks, naming the file', () => {
    expect(refusal(STORYLINE_12, ['story.html']).message).toContain('"index_lms.html"');
  });

  it('checks files without query or fragment and with percent escapes decoded', () => {
    const href = 'mina%20filer/start.html?x=1#s2';
    expect(launchOf(href)).toBe(href);
    expect(() =>
      parse(m12({ resources: `<resource identifier="R1" href="${href}"/>` }), ['mina filer/start.html']),
    ).not.toThrow();
  });

  it('allows absolute http(s) hrefs without a file check', () => {
    const xml = m12({
      resources: '<resource identifier="R1" adlcp:scormtype="sco" href="https://cdn.example.se/kurs/"/>',
    });
    expect(parse(xml, []).scos[0]?.launch).toBe('https://cdn.example.se/kurs/');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd'])('refuses the launch URL %s', (href) => {
    expect(refusal(m12({ resources: `<resource identifier="R1" href="${href}"/>` })).message).toMatch(
      /nor http/,
    );
  });

  it('refuses an href that climbs out of the package', () => {
    expect(
      refusal(m12({ resources: '<resource identifier="R1" href="../../etc/passwd"/>' })).message,
    ).toMatch(/out of the package/);
  });

  it('refuses an item identifier used twice', () => {
    const items = '<item identifier="I" identifierref="R1"/><item identifier="I" identifierref="R1"/>';
    expect(refusal(m12({ items })).message).toMatch(/used twice/);
  });
});

describe('xml:base and parameters', () => {
  it('joins xml:base of manifest, resources and resource', () => {
    const bases = {
      root: ' xml:base="kurs/"',
      resources: ' xml:base="innehall"',
      resource: ' xml:base="./sco1/"',
    };
    expect(launchOf('index.html', '', bases)).toBe('kurs/innehall/sco1/index.html');
  });

  it('starts afresh from an absolute xml:base', () => {
    const bases = {
      root: ' xml:base="kurs/"',
      resources: ' xml:base="https://cdn.example.se/a/"',
      resource: '',
    };
    expect(launchOf('../b/index.html', '', bases)).toBe('https://cdn.example.se/b/index.html');
  });

  it('normalises "./" away and keeps the query of the href', () => {
    expect(parse(MULTI_12).scos[1]?.launch).toBe('sco2/start.html?lang=sv&avsnitt=2');
  });

  it.each([
    ['a.html', '?x=1', 'a.html?x=1'],
    ['a.html', '#slide3', 'a.html#slide3'],
    ['a.html', 'x=1', 'a.html?x=1'],
    ['a.html', '&x=1', 'a.html?x=1'],
    ['a.html?p=1', '?x=1', 'a.html?p=1&x=1'],
    ['a.html?p=1', 'x=1', 'a.html?p=1&x=1'],
    ['a.html#top', '#slide3', 'a.html#top'],
    ['a.html#top', '?x=1', 'a.html?x=1#top'],
  ])('launches %s with parameters "%s" as %s', (href, parameters, launch) => {
    expect(launchOf(href, parameters)).toBe(launch);
  });
});

describe('SCORM 2004 item data and sequencing', () => {
  const m = parse(SEQUENCED_2004, [
    'content/les1/index.html',
    'content/test/index.html',
    'content/sammanfattning.pdf',
  ]);

  it('lists the SCOs under the organisation with the resources xml:base', () => {
    expect(m).toMatchObject({ title: 'Dokumentation enligt SoL', schemaVersion: '2004 4th Edition' });
    expect(m.scos.map((s) => [s.identifier, s.launch, s.path, s.isAsset, s.isVisible])).toEqual([
      ['LES1', 'content/les1/index.html', ['Grunder'], false, true],
      ['TEST1', 'content/test/index.html?lang=sv&mode=exam', ['Grunder'], false, true],
      ['SUMMARY', 'content/sammanfattning.pdf', [], true, false],
    ]);
  });

  it('reads the scaled passing score from a primary objective satisfied by measure', () => {
    expect(m.scos.map((s) => [s.scaledPassingScore, s.masteryScore])).toEqual([
      [0.6, null],
      [0.8, null],
      [null, null],
    ]);
  });

  it('defaults minNormalizedMeasure to 1.0 and ignores it without satisfiedByMeasure', () => {
    const measured = SEQUENCED_2004.replace(
      '<imsss:minNormalizedMeasure>0.6</imsss:minNormalizedMeasure>',
      '',
    );
    expect(parse(measured).scos[0]?.scaledPassingScore).toBe(1);
    const notMeasured = SEQUENCED_2004.replace(
      'objectiveID="les1" satisfiedByMeasure="true"',
      'objectiveID="les1"',
    );
    expect(parse(notMeasured).scos[0]?.scaledPassingScore).toBeNull();
  });

  it('refuses a minNormalizedMeasure outside -1..1', () => {
    const xml = SEQUENCED_2004.replace('>0.6<', '>60<');
    expect(refusal(xml).element).toBe('imsss:minNormalizedMeasure');
  });

  it('reads completionThreshold from minProgressMeasure (4th) or the element text (3rd)', () => {
    expect(m.scos[0]?.completionThreshold).toBe(0.8);
    expect(parse(THIRD_2004).scos[0]?.completionThreshold).toBe(0.75);
  });

  it('reads timeLimitAction, dataFromLMS and the attempt duration limit', () => {
    expect(m.scos[1]).toMatchObject({
      timeLimitAction: 'exit,message',
      launchData: 'lang=sv',
      maxTimeAllowed: 'PT30M',
    });
  });

  it("takes choice and flow from the organisation's controlMode", () => {
    expect(m.sequencing).toEqual({ present: true, choice: false, flow: true, forwardOnly: false });
  });

  it('has the IMS SS defaults and no sequencing when the manifest carries none', () => {
    expect(parse(THIRD_2004).sequencing).toEqual({
      present: false,
      choice: true,
      flow: false,
      forwardOnly: false,
    });
  });

  it('counts a precondition rule on an item as sequencing', () => {
    const rule =
      '<imsss:sequencing><imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="attempted"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules></imsss:sequencing>';
    const xml = THIRD_2004.replace('</adlcp:completionThreshold>', `</adlcp:completionThreshold>${rule}`);
    expect(parse(xml).sequencing).toEqual({ present: true, choice: true, flow: false, forwardOnly: false });
  });

  it('does not count a controlMode that restates the defaults', () => {
    const xml = THIRD_2004.replace(
      '</organization>',
      '<imsss:sequencing><imsss:controlMode choice="true" flow="false"/></imsss:sequencing></organization>',
    );
    expect(parse(xml).sequencing.present).toBe(false);
  });

  it('reads sequencing shared through a sequencingCollection IDRef', () => {
    const xml = THIRD_2004.replace(
      '</organization></organizations>',
      '<imsss:sequencing IDRef="linear"/></organization></organizations><imsss:sequencingCollection><imsss:sequencing ID="linear"><imsss:controlMode choice="false" flow="true" forwardOnly="true"/></imsss:sequencing></imsss:sequencingCollection>',
    );
    expect(parse(xml).sequencing).toEqual({ present: true, choice: false, flow: true, forwardOnly: true });
    expect(refusal(xml.replace('ID="linear"', 'ID="other"')).message).toContain('"linear"');
  });
});

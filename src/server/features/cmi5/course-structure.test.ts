import { describe, expect, it } from 'vitest';
import { type CourseStructureOptions, parseCourseStructure } from './course-structure.ts';

const NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
const E = 'https://example.org';

const texts = (t: string) =>
  `<title><langstring lang="en">${t}</langstring></title><description><langstring lang="en">${t} described</langstring></description>`;

interface AuParts {
  id?: string;
  url?: string;
  attrs?: string;
  objectives?: string;
  after?: string;
}

function au(parts: AuParts = {}): string {
  const { id = 'a1', attrs = '', objectives = '', after = '' } = parts;
  const url = parts.url ?? `https://content.example.org/${id}.html`;
  return `<au id="${E}/au/${id}"${attrs}>${texts(id)}${objectives}<url>${url}</url>${after}</au>`;
}

const block = (id: string, members: string, objectives = '') =>
  `<block id="${E}/block/${id}">${texts(id)}${objectives}${members}</block>`;

const objective = (id: string) => `<objective id="${E}/objective/${id}">${texts(id)}</objective>`;
const defs = (...ids: string[]) => `<objectives>${ids.map(objective).join('')}</objectives>`;
const refs = (...ids: string[]) =>
  `<objectives>${ids.map((id) => `<objective idref="${E}/objective/${id}"/>`).join('')}</objectives>`;

function cmi5({ courseId = `${E}/course`, objectives = '', body = au(), attrs = '' } = {}): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="${NS}"${attrs}><course id="${courseId}">${texts('Course')}</course>${objectives}${body}</courseStructure>`;
}

function accepted(xml: string, opts: CourseStructureOptions = {}) {
  const result = parseCourseStructure(xml, opts);
  if (!result.ok) throw new Error(`refused ${result.violatedRequirement}: ${result.message}`);
  return result.course;
}

function refusal(xml: string, opts: CourseStructureOptions = {}): string {
  const result = parseCourseStructure(xml, opts);
  if (result.ok) throw new Error('accepted a non-conformant course structure');
  expect(result.message).not.toBe('');
  return result.violatedRequirement;
}

const zip = (...files: string[]): CourseStructureOptions => ({ packageFiles: new Set(files) });
/** The requirement a course made of `body` is refused for. */
const refusedBody = (body: string, opts?: CourseStructureOptions) => refusal(cmi5({ body }), opts);
const auWith = (attrs: string) => accepted(cmi5({ body: au({ attrs }) })).aus[0];

describe('a valid course structure', () => {
  it('reads a single AU with the defaults the spec gives', () => {
    const course = accepted(cmi5());
    expect(course).toMatchObject({ id: `${E}/course`, title: [{ lang: 'en', text: 'Course' }], blocks: [] });
    expect(course.description).toEqual([{ lang: 'en', text: 'Course described' }]);
    expect(course.aus).toMatchObject([{ index: 0, id: `${E}/au/a1`, title: [{ lang: 'en', text: 'a1' }] }]);
    const only = course.aus[0];
    expect(only).toMatchObject({
      url: 'https://content.example.org/a1.html',
      parentBlockIds: [],
      objectives: [],
    });
    expect(only).toMatchObject({ launchMethod: 'AnyWindow', moveOn: 'NotApplicable' });
    expect(Object.keys(only ?? {})).not.toContain('masteryScore');
  });

  it('flattens nested blocks in document order, AUs indexed across them, and keeps every AU field', () => {
    const first = au({
      id: 'x',
      attrs: ` launchMethod="OwnWindow" moveOn="CompletedAndPassed" masteryScore="0.85" activityType="http://adlnet.gov/expapi/activities/lesson"`,
      objectives: refs('o1'),
      after: `<launchParameters>{"mode":1,"speed":3}</launchParameters><entitlementKey>xyz-123</entitlementKey>`,
    });
    const body = `${au({ id: 'a0' })}${block('b1', `${first}${block('b2', au({ id: 'y' }), refs('o1', 'o2'))}`)}${au({ id: 'z' })}`;
    const course = accepted(cmi5({ objectives: defs('o1', 'o2'), body }));
    expect(course.objectives.map((o) => o.id)).toEqual([`${E}/objective/o1`, `${E}/objective/o2`]);
    expect(course.blocks).toMatchObject([
      { id: `${E}/block/b1`, parentBlockIds: [], objectives: [] },
      {
        id: `${E}/block/b2`,
        parentBlockIds: [`${E}/block/b1`],
        objectives: [`${E}/objective/o1`, `${E}/objective/o2`],
      },
    ]);
    const summary = course.aus.map((a) => `${a.index}${a.id.slice(-1)}${a.parentBlockIds.length}`);
    expect(summary).toEqual(['000', '1x1', '2y2', '3z0']);
    expect(course.aus[1]).toMatchObject({
      launchMethod: 'OwnWindow',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.85,
      activityType: 'http://adlnet.gov/expapi/activities/lesson',
      launchParameters: '{"mode":1,"speed":3}',
      entitlementKey: 'xyz-123',
      objectives: [`${E}/objective/o1`],
    });
  });

  it('keeps every language and trims whitespace from all values (13.1.0.0-1)', () => {
    const xml = cmi5({ courseId: `  ${E}/course\n` })
      .replace(
        '<langstring lang="en">Course</langstring>',
        '<langstring lang="sv-SE">\n  Kurs \n</langstring><langstring lang="en">Course</langstring>',
      )
      .replace(
        '<url>https://content.example.org/a1.html</url>',
        '<url>\n  https://content.example.org/a1.html  </url>',
      );
    const course = accepted(xml);
    expect(course.id).toBe(`${E}/course`);
    expect(course.title).toEqual([
      { lang: 'sv-SE', text: 'Kurs' },
      { lang: 'en', text: 'Course' },
    ]);
    expect(course.aus[0]?.url).toBe('https://content.example.org/a1.html');
  });

  it('accepts a langstring without lang, vendor elements after the cmi5 ones and namespaced attributes', () => {
    const ext = 'xmlns:v="https://vendor.example.org/ext"';
    const xml = cmi5({
      attrs: ` ${ext}`,
      body: `${au({ attrs: ' v:rank="1"', after: '<v:player kind="x"/>' })}<v:note>ignored</v:note>`,
    }).replace('<langstring lang="en">Course</langstring>', '<langstring>Course</langstring>');
    expect(accepted(xml).title).toEqual([{ lang: '', text: 'Course' }]);
  });

  it('supports more than 1000 AUs (6.1.0.0-2)', () => {
    const body = Array.from({ length: 1001 }, (_, i) => au({ id: `n${i}` })).join('');
    expect(accepted(cmi5({ body })).aus).toHaveLength(1001);
  });
});

describe('malformed XML is refused as not conforming to the XSD (13.2.0.0-1)', () => {
  it.each([
    ['empty', ''],
    ['not XML', 'cmi5 course'],
    ['an unclosed element', cmi5().replace('</courseStructure>', '')],
    ['a mismatched end tag', cmi5().replace('</course>', '</courseX>')],
    ['an end tag xmldom would pair by prefix', cmi5().replace('Course</langstring>', 'Course</langstringX>')],
    ['an unclosed comment', cmi5().replace('<course ', '<!-- note <course ')],
    ['a stray "<" in text', cmi5().replace('>Course<', '>A < B<')],
    ['an unquoted attribute', cmi5().replace(`id="${E}/au/a1"`, 'id=x')],
    ['an undefined entity', cmi5().replace('Course</langstring>', 'Course &nbsp;</langstring>')],
    ['two document elements', `${cmi5()}<courseStructure xmlns="${NS}"/>`],
    ['text after the document element', `${cmi5()} trailing`],
  ])('%s', (_, xml) => {
    expect(refusal(xml)).toBe('13.2.0.0-1');
  });

  it('a document element that is not courseStructure in the v1 namespace', () => {
    expect(refusal(cmi5().replace(NS, 'http://aicc.org/CMI5/CourseStructure.xsd'))).toBe('13.2.0.0-1');
    expect(refusal(cmi5().replace(/courseStructure/g, 'course-structure'))).toBe('13.2.0.0-1');
  });
});

describe('course', () => {
  it.each([
    ['no id', cmi5().replace(`<course id="${E}/course">`, '<course>')],
    ['an empty id', cmi5({ courseId: ' ' })],
    ['no title', cmi5().replace(/<title><langstring lang="en">Course<\/langstring><\/title>/, '')],
    ['a title without langstring', cmi5().replace('<langstring lang="en">Course</langstring>', '')],
    ['a langstring holding an element', cmi5().replace('>Course<', '><b>Course</b><')],
    ['a lang that is not a language tag', cmi5().replace('lang="en">Course', 'lang="en_US!">Course')],
    ['an attribute the XSD does not define', cmi5().replace('<course id=', '<course version="2" id=')],
    ['text between elements', cmi5().replace('</course>', '</course>stray')],
    ['no AU or block', cmi5({ body: '' })],
    ['an element without namespace', cmi5().replace('</course>', '</course><au xmlns="" id="x"/>')],
  ])('refuses %s (13.2.0.0-1)', (_, xml) => {
    expect(refusal(xml)).toBe('13.2.0.0-1');
  });

  it.each(['w3id.org/xapi/cmi5/course', '#course', 'course-1', 'https://example.org/a course'])(
    'refuses the course id %s: IRIs must be fully qualified (3.0.0.0-1)',
    (id) => {
      expect(refusal(cmi5({ courseId: id }), zip('a1.html'))).toBe('3.0.0.0-1');
    },
  );

  it('checks the course id before the AU URLs, as CATAPULT does', () => {
    expect(refusal(cmi5({ courseId: 'course', body: au({ url: 'index.html' }) }))).toBe('3.0.0.0-1');
  });
});

describe('block', () => {
  it.each([
    ['no AU or block inside', cmi5({ body: block('b', '') })],
    ['no title', cmi5({ body: block('b', au()).replace(/<title>.*?<\/title>/, '') })],
    ['objectives after its AUs', cmi5({ objectives: defs('o'), body: block('b', `${au()}${refs('o')}`) })],
  ])('refuses %s (13.2.0.0-1)', (_, xml) => {
    expect(refusal(xml)).toBe('13.2.0.0-1');
  });

  it('refuses a block id that is not a fully qualified IRI (3.0.0.0-1)', () => {
    expect(refusal(cmi5({ body: block('b', au()).replace(`${E}/block/b`, 'block/b') }))).toBe('3.0.0.0-1');
  });

  it('refuses a duplicated block id, nested or not (13.1.2.0-1)', () => {
    expect(refusedBody(`${block('b', au({ id: 'a' }))}${block('b', au({ id: 'c' }))}`)).toBe('13.1.2.0-1');
    expect(refusedBody(block('b', block('b', au())))).toBe('13.1.2.0-1');
  });
});

describe('AU', () => {
  it.each([
    ['url before title (CATAPULT 207-1)', au().replace(/(<title>.*<\/description>)(<url>.*<\/url>)/, '$2$1')],
    ['no url', au().replace(/<url>.*<\/url>/, '')],
    ['an empty url', au({ url: '  ' })],
    ['a url holding an element', au({ url: '<b>x</b>' })],
    ['no id', au().replace(/ id="[^"]*"/, '')],
    ['an unknown cmi5 element', au({ after: '<launchParams>x</launchParams>' })],
    [
      'entitlementKey first',
      au({ after: '<entitlementKey>k</entitlementKey><launchParameters>p</launchParameters>' }),
    ],
    ['two urls', au({ after: '<url>https://example.org/2</url>' })],
    ['an attribute the XSD does not define', au({ attrs: ' launchmethod="OwnWindow"' })],
  ])('refuses %s (13.2.0.0-1)', (_, body) => {
    expect(refusal(cmi5({ body }))).toBe('13.2.0.0-1');
  });

  it('refuses an AU id that is not a fully qualified IRI (3.0.0.0-1)', () => {
    expect(refusal(cmi5({ body: au().replace(`${E}/au/a1`, 'au-1') }))).toBe('3.0.0.0-1');
  });

  it('refuses an activityType that is not a fully qualified IRI (3.0.0.0-1)', () => {
    expect(refusal(cmi5({ body: au({ attrs: ' activityType="lesson"' }) }))).toBe('3.0.0.0-1');
  });

  it('refuses a duplicated AU id, also across blocks (13.1.4.0-1)', () => {
    expect(refusal(cmi5({ body: `${au()}${au()}` }))).toBe('13.1.4.0-1');
    expect(refusal(cmi5({ body: `${block('b', au())}${au()}` }))).toBe('13.1.4.0-1');
  });
});

describe('enumerations and masteryScore', () => {
  it.each(['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'])(
    'accepts moveOn %s',
    (v) => {
      expect(auWith(` moveOn="${v}"`)?.moveOn).toBe(v);
    },
  );

  it.each(['AnyWindow', 'OwnWindow'])('accepts launchMethod %s', (v) => {
    expect(auWith(` launchMethod="${v}"`)?.launchMethod).toBe(v);
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['1.0', 1],
    ['.5', 0.5],
    [' 0.8333 ', 0.8333],
  ] as const)('accepts masteryScore "%s"', (v, score) => {
    expect(auWith(` masteryScore="${v}"`)?.masteryScore).toBe(score);
  });

  it.each([
    ['moveOn', 'passed'],
    ['moveOn', 'Not Applicable'],
    ['moveOn', ''],
    ['launchMethod', 'NewWindow'],
    ['masteryScore', '1.01'],
    ['masteryScore', '-0.1'],
    ['masteryScore', '85%'],
    ['masteryScore', '1e-1'],
    ['masteryScore', ''],
  ])('refuses %s="%s" (13.2.0.0-1)', (name, value) => {
    expect(refusal(cmi5({ body: au({ attrs: ` ${name}="${value}"` }) }))).toBe('13.2.0.0-1');
  });
});

describe('objectives', () => {
  const withObjectives = (defs: string, body = au({ objectives: refs('o1') })) =>
    cmi5({ objectives: `<objectives>${defs}</objectives>`, body });

  it('accepts title and description in either order (xs:all)', () => {
    const reversed = objective('o1').replace(/(<title>.*<\/title>)(<description>.*<\/description>)/, '$2$1');
    expect(accepted(withObjectives(reversed)).objectives[0]?.title).toEqual([{ lang: 'en', text: 'o1' }]);
  });

  it.each([
    ['an empty objectives list', withObjectives('', au())],
    ['an objective without title', withObjectives(objective('o1').replace(/<title>.*<\/title>/, ''))],
    ['an objective without id', withObjectives(objective('o1').replace(/ id="[^"]*"/, ''))],
    [
      'a reference without idref',
      withObjectives(objective('o1'), au({ objectives: '<objectives><objective/></objectives>' })),
    ],
    ['objectives after the AUs', cmi5({ body: `${au()}${defs('o1')}` })],
  ])('refuses %s (13.2.0.0-1)', (_, xml) => {
    expect(refusal(xml)).toBe('13.2.0.0-1');
  });

  it('refuses an objective id that is not a fully qualified IRI (3.0.0.0-1)', () => {
    const relative = objective('o1').replace(`${E}/objective/o1`, 'objective/o1');
    expect(refusal(withObjectives(relative, au()))).toBe('3.0.0.0-1');
  });

  it('refuses a duplicated objective id (13.1.3.0-1)', () => {
    expect(refusal(withObjectives(`${objective('o1')}${objective('o1')}`))).toBe('13.1.3.0-1');
  });

  it('refuses a reference to an objective the course does not define (4.4.0.0-2)', () => {
    expect(refusal(withObjectives(objective('o1'), au({ objectives: refs('o9') })))).toBe('4.4.0.0-2');
    expect(refusal(withObjectives(objective('o1'), block('b', au(), refs('o9'))))).toBe('4.4.0.0-2');
  });
});

describe('ids are unique across course, objectives, blocks and AUs', () => {
  it('names the requirement of the element that repeats an id', () => {
    expect(refusedBody(block('x', au()).replace(`${E}/block/x`, `${E}/course`))).toBe('13.1.2.0-1');
    expect(refusedBody(block('x', au()).replace(`${E}/au/a1`, `${E}/block/x`))).toBe('13.1.4.0-1');
    const clash = au().replace(`${E}/au/a1`, `${E}/objective/o`);
    expect(refusal(cmi5({ objectives: defs('o'), body: clash }))).toBe('13.1.4.0-1');
  });
});

describe('URLs', () => {
  it.each([
    'http://example.com index.html',
    'https://example.org/a%zz.html',
    'https://example.org/a\\b.html',
    'https://exa mple.org/',
    'http://',
  ])('refuses %s as not conforming to RFC 1738 (13.1.4.0-2)', (url) => {
    expect(refusal(cmi5({ body: au({ url }) }))).toBe('13.1.4.0-2');
  });

  it.each(['endpoint', 'fetch', 'actor', 'activityId', 'registration'])(
    'refuses a query string naming the launch parameter %s (8.1.0.0-6)',
    (name) => {
      expect(refusedBody(au({ url: `https://example.org/au.html?x=1&amp;${name}=y` }))).toBe('8.1.0.0-6');
      expect(refusedBody(au({ url: `index.html?${name}=y` }))).toBe('8.1.0.0-6');
    },
  );

  it.each([
    'index.html',
    'path/1/index.html',
    'index.html?abc=def',
    'path/1/index.html?abc=def',
    '/index.html',
  ])('refuses the relative URL %s in a bare cmi5.xml (14.2.0.0-1)', (url) => {
    expect(refusal(cmi5({ body: au({ url }) }))).toBe('14.2.0.0-1');
  });

  it("keeps absolute URLs, application schemes and a query string of the AU's own", () => {
    const body = `${au({ id: 'a', url: 'https://cdn.example.org/au.html?lang=sv&amp;start=2' })}${au({ id: 'b', url: 'myapp://content/start' })}`;
    const urls = accepted(cmi5({ body })).aus.map((a) => a.url);
    expect(urls).toEqual(['https://cdn.example.org/au.html?lang=sv&start=2', 'myapp://content/start']);
  });

  it('resolves relative URLs to files of the package, mixed with absolute ones', () => {
    const urls = [
      'index.html',
      './a/../p/start.html?m=x#top',
      '/index.html',
      'm/my%20film.html',
      'https://cdn.example.org/x',
    ];
    const body = urls.map((url, i) => au({ id: `u${i}`, url })).join('');
    const course = accepted(cmi5({ body }), zip('index.html', 'p/start.html', 'm/my film.html'));
    const resolved = [
      'index.html',
      'p/start.html?m=x#top',
      'index.html',
      'm/my film.html',
      'https://cdn.example.org/x',
    ];
    expect(course.aus.map((a) => a.url)).toEqual(resolved);
  });

  it.each([
    'missing.html',
    'Index.html',
    '../index.html',
    'path/../../index.html',
    '//cdn.example.org/index.html',
    'path/',
  ])('refuses the relative URL %s naming no file of the package (14.1.0.0-4)', (url) => {
    expect(refusal(cmi5({ body: au({ url }) }), zip('index.html', 'path/index.html'))).toBe('14.1.0.0-4');
  });
});

describe('vendor extensions keep the structure valid (13.1.5.0-2)', () => {
  const ext = ' xmlns:v="https://vendor.example.org/ext"';

  it.each([
    ['before the cmi5 elements of an AU', au().replace('<title>', '<v:x/><title>')],
    ['between AUs', `${au({ id: 'a' })}<v:x/>${au({ id: 'b' })}`],
    ['inside an objective reference', au({ objectives: refs('o').replace('/>', '><v:x/></objective>') })],
  ])('refuses an extension element %s', (_, body) => {
    expect(refusal(cmi5({ attrs: ext, objectives: defs('o'), body }))).toBe('13.1.5.0-2');
  });
});

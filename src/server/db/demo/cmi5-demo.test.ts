import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCourseStructure } from '../../features/cmi5/course-structure.ts';
import { readPackage } from '../../features/course-packages/package-read.ts';
import {
  courseKeyBase,
  fromLangStrings,
  packageTitle,
  toImportedContent,
} from '../../features/course-packages/package-to-course.ts';
import { CMI5_DEMO_COURSE_KEY, CMI5_DEMO_PACKAGE_DIR } from './cmi5-demo.ts';
import { readPackageFolder, zipPackageFolder } from './package-demo.ts';

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

describe('the demo cmi5 package', () => {
  it('zips to a course structure with two AUs whose launch files are in the zip', async () => {
    const files = unzipSync(new Uint8Array(await zipPackageFolder(CMI5_DEMO_PACKAGE_DIR)));
    const paths = new Set(Object.keys(files));
    const parsed = parseCourseStructure(decode(files['cmi5.xml']!), { packageFiles: paths });
    if (!parsed.ok) throw new Error(`${parsed.violatedRequirement}: ${parsed.message}`);
    const { course } = parsed;
    expect(fromLangStrings(course.title)).toEqual({
      sv: 'Digital tillsyn nattetid',
      en: 'Digital night-time supervision',
    });
    expect(course.aus.map((au) => [fromLangStrings(au.title), au.url, au.moveOn, au.masteryScore])).toEqual([
      [
        { sv: 'Vad är digital tillsyn?', en: 'What is digital supervision?' },
        'au1/index.html',
        'Completed',
        undefined,
      ],
      [
        { sv: 'När det larmar – ett övningsfall', en: 'When the alarm goes off – a practice case' },
        'au2/index.html',
        'CompletedAndPassed',
        0.67,
      ],
    ]);
    for (const au of course.aus) expect(paths.has(au.url)).toBe(true);
  });

  it('is accepted whole by the import and becomes the course key the loader looks for', async () => {
    const pkg = await readPackage(await zipPackageFolder(CMI5_DEMO_PACKAGE_DIR));
    expect(pkg.read.kind).toBe('cmi5');
    expect(courseKeyBase(packageTitle(pkg.read))).toBe(CMI5_DEMO_COURSE_KEY);
    expect(pkg.files.find((f) => f.path === 'shared/au.js')?.mediaType).toBe('text/javascript');
    const content = toImportedContent(pkg.read, {
      packageId: crypto.randomUUID(),
      key: CMI5_DEMO_COURSE_KEY,
      track: 'staff',
    });
    expect(content.modules.map((m) => [m.kind, m.passingScore])).toEqual([
      ['au', null],
      ['au', 0.67],
    ]);
  });

  it('stays small, self-contained and in Swedish', async () => {
    const files = await readPackageFolder(CMI5_DEMO_PACKAGE_DIR);
    const total = Object.values(files).reduce((sum, f) => sum + f.length, 0);
    expect(total).toBeLessThan(40 * 1024);
    for (const [path, data] of Object.entries(files)) {
      const text = decode(data);
      // The ids in cmi5.xml and the cmi5 IRIs in the script are identifiers, never fetched.
      if (path.endsWith('.html') || path.endsWith('.css'))
        expect(text, path).not.toMatch(/(?:https?:)?\/\/[a-z0-9-]+\.[a-z]/i);
      if (path.endsWith('.html')) {
        expect(text, path).toContain('<html lang="sv">');
        expect(text, path).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
        expect(text, path).toContain('<script src="../shared/au.js" defer></script>');
        expect(text, path).toContain('>Klar</button>');
        expect(text, path).toContain('role="status"');
      }
    }
  });

  it('gives every page a heading with an id, and AU 2 a check of three labelled questions', async () => {
    const files = await readPackageFolder(CMI5_DEMO_PACKAGE_DIR);
    for (const au of ['au1/index.html', 'au2/index.html']) {
      const html = decode(files[au]!);
      const pages = html.split('<section class="page"').slice(1);
      expect(pages.length, au).toBeGreaterThanOrEqual(2);
      expect(pages.length, au).toBeLessThanOrEqual(3);
      for (const page of pages) expect(page).toMatch(/<h2 id="[^"]+" tabindex="-1">/);
    }
    const quiz = decode(files['au2/index.html']!);
    expect(quiz.match(/<fieldset data-question=/g)).toHaveLength(3);
    const inputs = [...quiz.matchAll(/<input type="radio" id="([^"]+)"/g)].map((m) => m[1]);
    expect(inputs).toHaveLength(9);
    for (const id of inputs) expect(quiz).toContain(`<label for="${id}">`);
  });

  it('sends what a cmi5 AU must: the fetch, LMS.LaunchData and the defined verbs with category and session', async () => {
    const script = decode((await readPackageFolder(CMI5_DEMO_PACKAGE_DIR))['shared/au.js']!);
    for (const param of ['endpoint', 'fetch', 'actor', 'registration', 'activityId'])
      expect(script).toContain(`q.get('${param}')`);
    expect(script).toContain("stateUrl('LMS.LaunchData')");
    expect(script).toContain('https://w3id.org/xapi/cmi5/context/categories/cmi5');
    expect(script).toContain('https://w3id.org/xapi/cmi5/context/categories/moveon');
    expect(script).toContain('extensions: lms.template.extensions');
    for (const verb of ['initialized', 'completed', 'terminated']) expect(script).toContain(`'${verb}'`);
    expect(script).toContain("passed ? 'passed' : 'failed'");
  });
});

import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readPackage } from '../../features/course-packages/package-read.ts';
import { courseKeyBase, packageTitle } from '../../features/course-packages/package-to-course.ts';
import { parseScormManifest } from '../../features/scorm/scorm-manifest.ts';
import { readPackageFolder, zipPackageFolder } from './package-demo.ts';
import { SCORM_DEMO_COURSE_KEY, SCORM_DEMO_PACKAGE_DIR } from './scorm-demo.ts';

const decode = (data: Uint8Array) => new TextDecoder().decode(data);

describe('the demo SCORM 2004 package', () => {
  it('zips to a manifest with two SCOs whose launch files are in the zip', async () => {
    const zip = await zipPackageFolder(SCORM_DEMO_PACKAGE_DIR);
    const files = unzipSync(new Uint8Array(zip));
    const paths = new Set(Object.keys(files));
    const manifest = parseScormManifest(decode(files['imsmanifest.xml']!), { packageFiles: paths });

    expect(manifest.version).toBe('scorm2004');
    expect(manifest.schemaVersion).toBe('2004 4th Edition');
    expect(manifest.title).toBe('Trygghetskamera i hemtjänsten');
    expect(manifest.sequencing).toMatchObject({ choice: true, flow: true, forwardOnly: false });
    expect(manifest.scos.map((s) => [s.title, s.launch, s.isAsset])).toEqual([
      ['Vad är en trygghetskamera?', 'sco1/index.html', false],
      ['Nattillsyn med kamera – ett övningsfall', 'sco2/index.html', false],
    ]);
    expect(manifest.scos.map((s) => s.scaledPassingScore)).toEqual([null, 0.67]);
    for (const sco of manifest.scos) expect(paths.has(sco.launch)).toBe(true);
  });

  it('is accepted whole by the import and becomes the course key the loader looks for', async () => {
    const pkg = await readPackage(await zipPackageFolder(SCORM_DEMO_PACKAGE_DIR));
    expect(pkg.read.kind).toBe('scorm2004');
    expect(courseKeyBase(packageTitle(pkg.read))).toBe(SCORM_DEMO_COURSE_KEY);
    expect(pkg.files.find((f) => f.path === 'shared/sco.js')?.mediaType).toBe('text/javascript');
  });

  it('stays small, self-contained and in Swedish', async () => {
    const files = await readPackageFolder(SCORM_DEMO_PACKAGE_DIR);
    const total = Object.values(files).reduce((sum, f) => sum + f.length, 0);
    expect(total).toBeLessThan(40 * 1024);
    for (const [path, data] of Object.entries(files)) {
      const text = decode(data);
      // Namespace names in the manifest are identifiers, never fetched.
      if (path !== 'imsmanifest.xml') expect(text, path).not.toMatch(/(?:https?:)?\/\/[a-z0-9-]+\.[a-z]/i);
      if (path.endsWith('.html')) {
        expect(text, path).toContain('<html lang="sv">');
        expect(text, path).toContain('>Nästa</button>');
        expect(text, path).toContain('>Föregående</button>');
        expect(text, path).toContain('>Klar</button>');
      }
    }
  });

  it('gives every page of a SCO a heading with an id, and SCO 2 a quiz of three questions', async () => {
    const files = await readPackageFolder(SCORM_DEMO_PACKAGE_DIR);
    for (const sco of ['sco1/index.html', 'sco2/index.html']) {
      const html = decode(files[sco]!);
      const pages = html.split('<section class="page"').slice(1);
      expect(pages.length, sco).toBeGreaterThanOrEqual(3);
      expect(pages.length, sco).toBeLessThanOrEqual(4);
      for (const page of pages) expect(page).toMatch(/<h2 id="[^"]+"/);
    }
    expect(decode(files['sco2/index.html']!).match(/<fieldset data-question=/g)).toHaveLength(3);
  });
});

import type { Db } from '../client.ts';
import { loadDemoPackage } from './package-demo.ts';

/**
 * A SCORM 2004 course written for the demo (issue 18): "Trygghetskamera i hemtjänsten", two SCOs in
 * Swedish, imported through the same code as an upload and enrolled for the demo care worker, so the
 * SCORM player can be tried without a package of one's own.
 */

/** The key the import chooses from the package's title. */
export const SCORM_DEMO_COURSE_KEY = 'trygghetskamera-i-hemtjansten';

/** Read at run time next to this file: the server runs from src, so no build step has to copy it. */
export const SCORM_DEMO_PACKAGE_DIR = new URL('./packages/trygghetskamera-scorm2004/', import.meta.url);

export function loadScormDemo(db: Db, log?: (line: string) => void): Promise<void> {
  return loadDemoPackage(
    db,
    { courseKey: SCORM_DEMO_COURSE_KEY, dir: SCORM_DEMO_PACKAGE_DIR, label: 'SCORM' },
    log,
  );
}

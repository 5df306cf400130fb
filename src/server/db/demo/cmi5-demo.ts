import type { Db } from '../client.ts';
import { loadDemoPackage } from './package-demo.ts';

/**
 * A cmi5 course written for the demo (issue 18): "Digital tillsyn nattetid", two AUs in Swedish (titles
 * in English too), each a cmi5 AU of its own that fetches its credential and reports to /xapi. Imported
 * through the same code as an upload and enrolled for the demo care worker, like the SCORM demo.
 */

/** The key the import chooses from the package's title. */
export const CMI5_DEMO_COURSE_KEY = 'digital-tillsyn-nattetid';

/** Read at run time next to this file: the server runs from src, so no build step has to copy it. */
export const CMI5_DEMO_PACKAGE_DIR = new URL('./packages/digital-tillsyn-cmi5/', import.meta.url);

export function loadCmi5Demo(db: Db, log?: (line: string) => void): Promise<void> {
  return loadDemoPackage(
    db,
    { courseKey: CMI5_DEMO_COURSE_KEY, dir: CMI5_DEMO_PACKAGE_DIR, label: 'cmi5' },
    log,
  );
}

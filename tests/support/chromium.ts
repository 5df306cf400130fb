/** How tests and the bench launch Debian's Chromium (no sandbox or GPU in CI containers). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Several contexts are open at once in a spec: none of them may have its timers slowed down as a
  // background page (about a third of the browser tests' time on a two-core machine).
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-extensions',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

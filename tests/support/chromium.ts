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
];

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Debian's Chromium as the e2e tests and the explorer bench drive it (playwright-core, never a downloaded
// browser): the binary apt installs, and the flags a headless run on a machine without GPU or network needs.
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

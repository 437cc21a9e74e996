// Puppeteer reads this at install time and at launch. Where a system Chromium/Chrome
// exists (or a path is configured), skip Puppeteer's own browser download and use it:
// the download cannot work offline, and a system browser is the one CI installs.
const { existsSync } = require('node:fs');

const candidates = [
  process.env.BRIEFPRESS_BROWSER,
  process.env.PUPPETEER_EXECUTABLE_PATH,
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const executablePath = candidates.find((path) => path && existsSync(path));

module.exports = executablePath ? { executablePath, skipDownload: true } : {};

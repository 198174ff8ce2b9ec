// Debian's Chromium, as every browser test and benchmark here launches it: Playwright's own browser
// download is unavailable, and background networking would hammer the closed network.
export const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

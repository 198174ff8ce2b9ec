// Signs each demo user in once, through the UI, and saves their browser state for the specs.
import { expect, test as setup } from '@playwright/test';

import { authFile, demoNames, signIn } from './auth';

for (const who of demoNames) {
  setup(`sign in as ${who}`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, who);
    const state = await context.storageState({ path: authFile(who) });
    expect(state.cookies.some((c) => c.name.startsWith('next-auth.session-token'))).toBe(true);
    await context.close();
  });
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The dashboard's own /signin page: one button that starts the OIDC redirect. */
export class AppSignInPage {
  readonly button: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: 'Sign in with Stratus SSO' });
  }

  async expectShown(callbackUrl?: string): Promise<void> {
    await expect(this.page).toHaveURL((url) => {
      if (url.pathname !== '/signin') return false;
      return callbackUrl === undefined || url.searchParams.get('callbackUrl') === callbackUrl;
    });
    await expect(this.button).toBeVisible();
  }

  async start(): Promise<void> {
    await this.button.click();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The development OIDC issuer's sign-in form (devcluster/src/oidc/issuer.ts). */
export class IssuerSignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.email = page.locator('input[name="email"]');
    this.password = page.locator('input[name="password"]');
    this.submit = page.getByRole('button', { name: 'Sign in', exact: true });
    this.error = page.getByRole('alert');
  }

  async expectShown(issuer: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${escapeRegExp(issuer)}/interaction/`));
    await expect(this.email).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in app shell: navigation, tenant switcher, live indicator, session banner, toasts. */
export class Shell {
  readonly mainNav: Locator;
  readonly tenantSelect: Locator;
  readonly liveStatus: Locator;
  readonly viewer: Locator;
  readonly sessionExpired: Locator;
  readonly notFound: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.mainNav = page.getByRole('navigation', { name: 'Main' });
    this.tenantSelect = page.getByRole('combobox', { name: 'Switch tenant' });
    this.liveStatus = page.getByTestId('live-status');
    this.viewer = page.getByTestId('viewer');
    this.sessionExpired = page.getByTestId('session-expired');
    this.notFound = page.getByTestId('not-found');
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
  }

  /** An alert (error toast, banner) that says this. */
  alert(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  /** The tenants the switcher offers: its options, or the one tenant's name when there is one. */
  async tenantNames(): Promise<string[]> {
    if (await this.tenantSelect.count()) {
      return (await this.tenantSelect.locator('option').allTextContents())
        .map((s) => s.trim())
        .filter((s) => s !== 'Choose a tenant');
    }
    const label = this.mainNav.locator('p').first();
    return [(await label.textContent())?.trim() ?? ''];
  }

  async expectLive(): Promise<void> {
    await expect(this.liveStatus).toHaveAttribute('data-status', 'live');
  }
}

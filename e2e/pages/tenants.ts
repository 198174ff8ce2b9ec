import { expect, type Locator, type Page } from '@playwright/test';

/** /console/tenants */
export class TenantsPage {
  readonly onboard: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.onboard = page.getByRole('button', { name: 'Onboard tenant' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/tenants');
    await expect(this.page.getByRole('heading', { name: 'Tenants', level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="resource-row"][data-name="${name}"]`);
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }
}

/** /console */
export class OverviewPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/console');
    await expect(
      this.page.getByRole('heading', { name: 'Operator overview', level: 1 }),
    ).toBeVisible();
  }

  tile(id: string): Locator {
    return this.page.getByTestId(`tile-${id}`);
  }
}

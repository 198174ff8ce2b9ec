import { expect, type Locator, type Page } from '@playwright/test';

/** A tenant's resource list, /t/<tenant>/<segment>. */
export class ResourceListPage {
  readonly rows: Locator;
  readonly readOnly: Locator;
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
    readonly segment: string,
  ) {
    this.rows = page.getByTestId('resource-row');
    this.readOnly = page.getByTestId('read-only');
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
  }

  get path(): string {
    return `/t/${this.tenant}/${this.segment}`;
  }

  async goto(): Promise<void> {
    await this.page.goto(this.path);
    await expect(this.page).toHaveURL(this.path);
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="resource-row"][data-name="${name}"]`);
  }
}

/** One object's page, /t/<tenant>/<segment>/<name>. */
export class ResourceDetailPage {
  readonly heading: Locator;
  readonly deleteButton: Locator;
  readonly yamlButton: Locator;
  readonly dialog: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
    readonly segment: string,
    readonly name: string,
  ) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1, name });
    this.deleteButton = page.getByRole('main').getByRole('button', { name: 'Delete' });
    this.yamlButton = page.getByRole('button', { name: 'View YAML' });
    this.dialog = page.getByRole('dialog');
  }

  get path(): string {
    return `/t/${this.tenant}/${this.segment}/${this.name}`;
  }

  async goto(): Promise<void> {
    await this.page.goto(this.path);
    await expect(this.heading).toBeVisible();
  }

  /** Opens the delete dialog, types the name back and confirms. */
  async delete(): Promise<void> {
    await this.deleteButton.click();
    await this.dialog.getByRole('textbox').fill(this.name);
    await this.dialog.getByRole('button', { name: 'Delete' }).click();
  }
}

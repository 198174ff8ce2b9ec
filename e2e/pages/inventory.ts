import { expect, type Locator, type Page } from '@playwright/test';

/** /console/inventory */
export class InventoryPage {
  readonly search: Locator;
  readonly exportCsv: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search hardware' });
    this.exportCsv = page.getByRole('button', { name: 'Export CSV' });
    this.rows = page.getByTestId('resource-row');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/inventory');
    await expect(
      this.page.getByRole('heading', { name: 'Hardware inventory', level: 1 }),
    ).toBeVisible();
  }

  row(node: string): Locator {
    return this.page.locator(`[data-testid="resource-row"][data-name="${node}"]`);
  }

  total(id: string): Locator {
    return this.page.getByTestId(`total-${id}`);
  }

  power(node: string, name: 'Power on' | 'Power off' | 'Reboot'): Locator {
    return this.row(node)
      .getByRole('group', { name: `Power actions for ${node}` })
      .getByRole('button', { name });
  }

  confirm(name: string): Locator {
    return this.page.getByRole('dialog').getByRole('button', { name });
  }
}

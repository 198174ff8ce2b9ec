import { expect, type Locator, type Page } from '@playwright/test';

/** /console/releases */
export class ReleasesPage {
  readonly filter: Locator;
  readonly namespace: Locator;
  readonly state: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.filter = page.getByRole('searchbox', { name: 'Filter releases' });
    this.namespace = page.getByLabel('Namespace', { exact: true });
    this.state = page.getByLabel('State', { exact: true });
    this.rows = page.getByTestId('resource-row');
  }

  async goto(): Promise<void> {
    await this.page.goto('/console/releases');
    await expect(this.page.getByRole('heading', { name: 'Helm releases', level: 1 })).toBeVisible();
  }

  count(state: 'ready' | 'failing' | 'progressing' | 'suspended'): Locator {
    return this.page.getByTestId(`count-${state}`).getByTestId('count');
  }

  group(key: string): Locator {
    return this.page.locator(`[data-testid="release-group"][data-group="${key}"]`);
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="resource-row"][data-name="${name}"]`);
  }
}

/** /console/releases/<namespace>/<name> */
export class ReleasePage {
  readonly state: Locator;
  readonly message: Locator;
  readonly handled: Locator;
  readonly events: Locator;

  constructor(
    readonly page: Page,
    readonly namespace: string,
    readonly name: string,
  ) {
    this.state = page.getByRole('heading', { level: 1 }).getByTestId('release-state');
    this.message = page.getByTestId('release-message');
    this.handled = page.getByTestId('handled-at');
    this.events = page.getByRole('table', { name: /Events/ });
  }

  async goto(): Promise<void> {
    await this.page.goto(`/console/releases/${this.namespace}/${this.name}`);
    await expect(this.page.getByRole('heading', { name: this.name, level: 1 })).toBeVisible();
  }

  action(name: 'Reconcile now' | 'Force reconcile' | 'Suspend' | 'Resume'): Locator {
    return this.page.getByRole('group', { name: 'Release actions' }).getByRole('button', { name });
  }

  /** The confirm button of the open dialog. */
  confirm(name: string): Locator {
    return this.page.getByRole('dialog').getByRole('button', { name });
  }
}

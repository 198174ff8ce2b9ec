import { expect, type Locator, type Page } from '@playwright/test';
import { Shell } from './shell';

/** /t/<tenant>/volumes/new (also opened by "Restore" and "Clone" with the source filled in). */
export class CreateVolumePage {
  readonly name: Locator;
  readonly size: Locator;
  readonly storageClass: Locator;
  readonly volumeMode: Locator;
  readonly submit: Locator;
  readonly formError: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
  ) {
    this.name = page.getByLabel('Name', { exact: true });
    this.size = page.getByLabel('Size (GiB)', { exact: true });
    this.storageClass = page.getByLabel('Storage class', { exact: true });
    this.volumeMode = page.getByLabel('Volume mode', { exact: true });
    this.submit = page.getByRole('button', { name: 'Create volume' });
    this.formError = page.getByTestId('form-error');
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/volumes/new`);
    await this.expectOpen();
  }

  async expectOpen(): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'New volume' })).toBeVisible();
  }
}

/** /t/<tenant>/volumes/<name> */
export class VolumePage {
  readonly phase: Locator;
  readonly replicasLine: Locator;
  readonly degraded: Locator;
  readonly capacity: Locator;
  readonly expandSize: Locator;
  readonly expand: Locator;
  readonly map: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
    readonly name: string,
  ) {
    const main = page.getByRole('main');
    this.phase = main.getByTestId('volume-phase').first();
    this.replicasLine = main.getByTestId('replicas-line').first();
    this.degraded = main.getByTestId('mark-degraded').first();
    this.capacity = main.getByTestId('volume-capacity').first();
    this.expandSize = page.getByLabel('New size (GiB)', { exact: true });
    this.expand = main.getByRole('button', { name: 'Expand', exact: true });
    this.map = page.getByTestId('data-map');
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/volumes/${this.name}`);
    await expect(this.page.getByRole('heading', { name: this.name, level: 1 })).toBeVisible();
    // The forms work once the page is hydrated (live): a click before that submits natively.
    await new Shell(this.page).expectLive();
  }

  /** The row of the replica on this node (peers' names appear in other rows' connections). */
  replica(node: string): Locator {
    return this.page.getByTestId('replica-row').filter({
      has: this.page.locator('td:first-child > span.font-medium').getByText(node, { exact: true }),
    });
  }

  replicas(): Locator {
    return this.page.getByTestId('replica-row');
  }

  snapshots(): Locator {
    return this.page.getByTestId('snapshot-row');
  }
}

/** /t/<tenant>/volumes */
export class VolumeListPage {
  constructor(
    readonly page: Page,
    readonly tenant: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/volumes`);
    await expect(this.page.getByRole('heading', { name: 'Volumes', level: 1 })).toBeVisible();
  }

  row(name: string): Locator {
    return this.page
      .getByTestId('resource-row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }
}

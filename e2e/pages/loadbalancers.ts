import { expect, type Locator, type Page } from '@playwright/test';
import { Shell } from './shell';

/** /t/<tenant>/loadbalancers/new */
export class CreateLbPage {
  readonly name: Locator;
  readonly vm: Locator;
  readonly pool: Locator;
  readonly ip: Locator;
  readonly addPort: Locator;
  readonly submit: Locator;
  readonly formError: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
  ) {
    this.name = page.getByLabel('Name', { exact: true });
    this.vm = page.getByLabel('Virtual machine', { exact: true });
    this.pool = page.getByLabel('Address pool', { exact: true });
    this.ip = page.getByLabel('Specific address (optional)', { exact: true });
    this.addPort = page.getByRole('button', { name: 'Add port' });
    this.submit = page.getByRole('button', { name: 'Create load balancer' });
    this.formError = page.getByTestId('form-error');
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/loadbalancers/new`);
    await expect(this.page.getByRole('heading', { name: 'New load balancer' })).toBeVisible();
  }

  port(n: number): { port: Locator; target: Locator } {
    const group = this.page.getByRole('group', { name: `Port ${n}` });
    return {
      port: group.getByLabel('Port', { exact: true }),
      target: group.getByLabel('Target port', { exact: true }),
    };
  }
}

/** /t/<tenant>/loadbalancers/<name> */
export class LbPage {
  readonly address: Locator;
  readonly ports: Locator;
  readonly deleteButton: Locator;

  constructor(
    readonly page: Page,
    readonly tenant: string,
    readonly name: string,
  ) {
    this.address = page.getByTestId('lb-address');
    this.ports = page.getByTestId('lb-ports');
    this.deleteButton = page.getByRole('main').getByRole('button', { name: 'Delete', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto(`/t/${this.tenant}/loadbalancers/${this.name}`);
    await expect(this.page.getByRole('heading', { level: 1, name: this.name })).toBeVisible();
    // The forms work once the page is hydrated (live): a click before that submits natively.
    await new Shell(this.page).expectLive();
  }

  async delete(): Promise<void> {
    await this.deleteButton.click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(this.name);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  }
}

/** /console/ip-pools: one section per IPAddressPool. */
export class PoolsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/console/ip-pools');
    await expect(this.page.getByRole('heading', { level: 1, name: 'IP pools' })).toBeVisible();
  }

  pool(name: string): { section: Locator; available: Locator; holders: Locator } {
    const section = this.page.getByTestId(`pool-${name}`);
    return {
      section,
      available: section.getByTestId('pool-available'),
      holders: section.getByTestId('pool-holder'),
    };
  }
}

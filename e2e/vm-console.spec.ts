// VM consoles end to end: VNC (noVNC) and serial (xterm.js) through the dashboard's WebSocket proxy,
// which dials kube-apiserver as the signed-in person; one VNC viewer at a time, takeover, refusals.
import type { Page } from '@playwright/test';

import { virtualMachine, type Admin } from '../lib/testing/admin';
import { expect, test, type Cleanup } from './fixtures';
import { VmConsolePage } from './pages/vm-console';
import { VmPage } from './pages/vms';
import { sessionEndingIn } from './session-token';

// The proxy's close codes (lib/consoles/close-codes.mjs).
const FORBIDDEN = 4403;
const IN_USE = 4423;
const TAKEN_OVER = 4410;
const SESSION_EXPIRED = 4440;
const SIGNED_OUT = 4441;

/** A VM the simulator runs, created with cluster-admin and removed after the test. */
async function runningVm(admin: Admin, cleanup: Cleanup, name: string): Promise<string> {
  const vm = virtualMachine('tenant-acme', name) as ReturnType<typeof virtualMachine> & {
    spec: { runStrategy: string };
  };
  vm.spec.runStrategy = 'Always';
  await admin.create(cleanup.add(vm));
  return name;
}

async function openFromDetail(page: Page, name: string): Promise<VmConsolePage> {
  const detail = new VmPage(page, 'acme', name);
  await detail.goto();
  await detail.expectStatus('Running');
  await page.getByRole('link', { name: 'Console', exact: true }).click();
  const console = new VmConsolePage(page, 'acme', name);
  await expect(page).toHaveURL(`/t/acme/virtualmachines/${name}/console`);
  return console;
}

test('a tenant admin sees the VM screen over VNC, types into it, and uses the serial console', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  const name = await runningVm(admin, cleanup, uniqueName('con'));
  const page = await as('alice');
  const vnc = await openFromDetail(page, name);
  await vnc.expectPhase('connected');
  const first = await vnc.expectScreenShown();
  expect(first.width).toBeGreaterThan(0);

  // A key typed on the canvas reaches the guest's login prompt, which echoes it.
  await vnc.canvas.click();
  await page.keyboard.press('x');
  await expect.poll(async () => (await vnc.screen()).sum).not.toBe(first.sum);
  // Text typed as keystrokes (what reaches a login prompt, unlike the RFB clipboard).
  const afterKey = await vnc.screen();
  await vnc.textToType.fill('root');
  await vnc.typeIt.click();
  await expect.poll(async () => (await vnc.screen()).sum).not.toBe(afterKey.sum);
  await expect(vnc.ctrlAltDel).toBeEnabled();

  await vnc.tab('Serial').click();
  await vnc.expectPhase('connected');
  await expect(vnc.terminalRows).toContainText(`${name} login:`);
  await vnc.terminal.click();
  await page.keyboard.type('hello-serial');
  await expect(vnc.terminalRows).toContainText(`${name} login: hello-serial`);
});

test('a second VNC viewer is told the console is in use, and taking over tells the first', async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  const name = await runningVm(admin, cleanup, uniqueName('con2'));
  const holder = new VmConsolePage(await as('alice'), 'acme', name);
  await new VmPage(holder.page, 'acme', name).goto();
  await new VmPage(holder.page, 'acme', name).expectStatus('Running');
  await holder.goto();
  await holder.expectPhase('connected');
  await holder.expectScreenShown();

  const second = new VmConsolePage(await as('alice'), 'acme', name);
  await second.goto();
  await second.expectEnded(
    IN_USE,
    'Someone else is using this console. Take it over to continue here: they will be disconnected.',
  );
  await expect(second.takeOver).toBeVisible();
  // The first viewer kept the console.
  await holder.expectPhase('connected');

  await second.takeOver.click();
  await second.expectPhase('connected');
  await second.expectScreenShown();
  await holder.expectEnded(TAKEN_OVER, 'Someone else took over this console.');
});

test("a viewer gets kube-apiserver's refusal as a sentence, not a broken screen", async ({
  as,
  admin,
  cleanup,
  uniqueName,
}) => {
  const name = await runningVm(admin, cleanup, uniqueName('con3'));
  const page = await as('carol');
  const vnc = new VmConsolePage(page, 'acme', name);
  await vnc.goto();
  await vnc.expectEnded(
    FORBIDDEN,
    'You may not open the consoles of this virtual machine: it takes a tenant admin.',
  );
  await expect(vnc.canvas).toHaveCount(0);
  await vnc.tab('Serial').click();
  await vnc.expectEnded(
    FORBIDDEN,
    'You may not open the consoles of this virtual machine: it takes a tenant admin.',
  );
});

test('an open console closes when its session expires, and when it signs out', async ({
  browser,
  admin,
  cleanup,
  uniqueName,
}) => {
  const name = await runningVm(admin, cleanup, uniqueName('con4'));
  const expiring = await browser.newContext();
  await sessionEndingIn(expiring, 'alice', 20);
  const endsAt = Date.now() + 20_000;
  const a = new VmConsolePage(await expiring.newPage(), 'acme', name);
  await new VmPage(a.page, 'acme', name).goto();
  await new VmPage(a.page, 'acme', name).expectStatus('Running');
  await a.goto();
  await a.tab('Serial').click();
  await a.expectPhase('connected');
  // The proxy closes it when the session ends, however long the steps before took.
  await a.expectEnded(
    SESSION_EXPIRED,
    'Your session ended. Sign in again to use the console.',
    endsAt - Date.now() + 10_000,
  );
  await expiring.close();

  const context = await browser.newContext();
  await sessionEndingIn(context, 'alice', 3600);
  const b = new VmConsolePage(await context.newPage(), 'acme', name);
  await b.goto();
  await b.tab('Serial').click();
  await b.expectPhase('connected');
  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Sign out' }).click();
  await expect(other).not.toHaveURL(/\/t\/acme/);
  await b.expectEnded(SIGNED_OUT, 'You signed out. Sign in again to use the console.');
  await context.close();
});

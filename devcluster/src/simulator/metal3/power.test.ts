import { describe, expect, it } from 'vitest';

import { POWER_ERROR, powerStep, REBOOT, type BareMetalHostObj } from './power.ts';

const host = (
  online: boolean,
  poweredOn: boolean,
  annotations: Record<string, string> = {},
  over: Partial<NonNullable<BareMetalHostObj['status']>> = {},
): BareMetalHostObj => ({
  metadata: { name: 'n1', namespace: 'metal3', annotations },
  spec: { online },
  status: {
    poweredOn,
    operationalStatus: 'OK',
    provisioning: { state: 'externally provisioned' },
    ...over,
  },
});

describe('powerStep (BMO manageHostPower)', () => {
  it('follows spec.online', () => {
    expect(powerStep(host(false, true))).toEqual({ kind: 'power', on: false });
    expect(powerStep(host(true, false))).toEqual({ kind: 'power', on: true });
    expect(powerStep(host(true, true))).toEqual({ kind: 'none' });
  });

  it('reboots a powered-on host: off first, then the annotation goes and it comes back on', () => {
    expect(powerStep(host(true, true, { [REBOOT]: '' }))).toEqual({ kind: 'power', on: false });
    expect(powerStep(host(true, false, { [REBOOT]: '' }))).toEqual({ kind: 'dropReboot' });
    expect(powerStep(host(true, false))).toEqual({ kind: 'power', on: true });
  });

  it('drops a reboot request on a powered-off host without powering it on', () => {
    expect(powerStep(host(false, false, { [REBOOT]: '' }))).toEqual({ kind: 'dropReboot' });
  });

  it('fails power changes while the BMC is failing', () => {
    const broken = host(
      false,
      true,
      {},
      {
        operationalStatus: 'error',
        errorType: POWER_ERROR,
        errorMessage: 'HTTP 503',
      },
    );
    expect(powerStep(broken)).toEqual({ kind: 'fail', message: 'HTTP 503' });
  });
});

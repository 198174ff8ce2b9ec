// baremetal-operator's power handling (manageHostPower, v0.13.2), as a pure decision: what the host
// does next given spec.online, the reboot.metal3.io annotations and the last known power state.
import type { KObj } from '../kube/types.ts';

export const REBOOT = 'reboot.metal3.io';
/** BMO's ErrorType for a BMC that can't be reached or refuses power commands. */
export const POWER_ERROR = 'power management error';

export interface BareMetalHostObj extends KObj {
  spec: { online?: boolean; externallyProvisioned?: boolean };
  status?: {
    poweredOn?: boolean;
    operationalStatus?: string;
    errorType?: string;
    errorMessage?: string;
    errorCount?: number;
    provisioning?: { state?: string };
  };
}

export type PowerStep =
  | { kind: 'none' }
  /** A powered-off host drops the suffixless reboot annotation without rebooting (BMO L1625). */
  | { kind: 'dropReboot' }
  | { kind: 'power'; on: boolean }
  /** The BMC refused: BMO records the failure and counts it (recordActionFailure). */
  | { kind: 'fail'; message: string };

const rebootAnnotations = (h: BareMetalHostObj) =>
  Object.keys(h.metadata.annotations ?? {}).filter(
    (k) => k === REBOOT || k.startsWith(`${REBOOT}/`),
  );

export function powerStep(h: BareMetalHostObj): PowerStep {
  const st = h.status ?? {};
  // Not yet registered or inspected: BMO has nothing to power.
  if (st.poweredOn === undefined || h.metadata.deletionTimestamp) return { kind: 'none' };
  const state = st.provisioning?.state;
  const provisioned = state === 'provisioned' || state === 'externally provisioned';
  const reboots = rebootAnnotations(h);
  if (!st.poweredOn && reboots.includes(REBOOT)) return { kind: 'dropReboot' };
  let desired = h.spec.online ?? false;
  if (provisioned && reboots.length) desired = false;
  if (st.poweredOn === desired) return { kind: 'none' };
  if (st.errorType === POWER_ERROR && st.operationalStatus === 'error')
    return { kind: 'fail', message: st.errorMessage || 'BMC did not answer' };
  return { kind: 'power', on: desired };
}

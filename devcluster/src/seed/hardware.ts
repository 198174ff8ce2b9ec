// Metal3 inventory for the fleet: BMC credentials, a BareMetalHost per server (externally
// provisioned, since Talos installed itself) and the matching HardwareData.
import { createHash } from 'node:crypto';

import type { KObj } from '../simulator/kube/types.ts';
import { daysAgo, type SeedClient } from './client.ts';
import { cpuFlags, fleet, type Server } from './fleet.ts';

export const METAL3_NAMESPACE = 'metal3';

export function hardwareOf(s: Server) {
  return {
    cpu: {
      arch: 'x86_64',
      model: s.cpuModel,
      clockMegahertz: s.clockMegahertz,
      count: s.threads,
      flags: cpuFlags(s),
    },
    ramMebibytes: s.memoryGi * 1024,
    nics: s.nics.map((n) => ({
      name: n.name,
      mac: n.mac,
      model: n.model,
      pciAddress: n.pciAddress,
      speedGbps: n.speedGbps,
      pxe: n.pxe ?? false,
      ...(n.ip ? { ip: n.ip } : {}),
      vlanId: 0,
      lldp: {
        switchID: 'c4:7e:e0:1a:00:01',
        portID: `Ethernet1/${Number(s.node.slice(-1)) * 2 - 1 + (n.pxe ? 0 : 1)}`,
        switchSystemName: `leaf-${s.zone}`,
      },
    })),
    storage: s.disks.map((d) => ({
      name: d.name,
      alternateNames: [
        d.name,
        `/dev/disk/by-id/${d.type === 'NVME' ? 'nvme' : 'wwn'}-${d.serialNumber}`,
      ],
      type: d.type,
      model: d.model,
      vendor: d.vendor,
      serialNumber: d.serialNumber,
      sizeBytes: d.sizeBytes,
      rotational: d.type === 'HDD',
      ...(d.wwn ? { wwn: d.wwn } : {}),
      ...(d.type === 'NVME' ? {} : { hctl: `0:0:${d.name.endsWith('a') ? 0 : 1}:0` }),
    })),
    systemVendor: s.system,
    firmware: { bios: s.bios },
    hostname: s.node,
  };
}

const secretName = (s: Server) => `${s.node}-bmc-secret`;

export function bmcSecret(s: Server): KObj {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    type: 'Opaque',
    metadata: {
      name: secretName(s),
      namespace: METAL3_NAMESPACE,
      labels: { 'environment.metal3.io': 'baremetal' },
    },
    stringData: { username: 'metal3', password: `demo-only-${s.node}` },
  };
}

export function bareMetalHost(s: Server): KObj {
  const pxe = s.nics.find((n) => n.pxe) ?? s.nics[0];
  return {
    apiVersion: 'metal3.io/v1alpha1',
    kind: 'BareMetalHost',
    metadata: {
      name: s.node,
      namespace: METAL3_NAMESPACE,
      labels: { 'stratus.dev/node': s.node, 'topology.kubernetes.io/zone': s.zone },
    },
    spec: {
      online: true,
      bmc: {
        address: `redfish://${s.bmcIp}/redfish/v1/Systems/1`,
        credentialsName: secretName(s),
        disableCertificateVerification: true,
      },
      bootMACAddress: pxe?.mac,
      bootMode: 'UEFI',
      externallyProvisioned: true,
      automatedCleaningMode: 'disabled',
      hardwareProfile: 'unknown',
      description: `${s.system.manufacturer} ${s.system.productName}, rack ${s.zone}`,
    },
  };
}

export function bareMetalHostStatus(s: Server, now: Date): Record<string, unknown> {
  const broken = !s.kwok;
  const id = createHash('sha256').update(`ironic:${s.node}`).digest('hex');
  const ironicId = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  return {
    operationalStatus: broken ? 'error' : 'OK',
    errorType: broken ? 'power management error' : undefined,
    errorMessage: broken
      ? `Failed to get power state for node ${ironicId}: Redfish exception occurred. Error: HTTP GET https://${s.bmcIp}/redfish/v1/Systems/1 returned code 503.`
      : '',
    errorCount: broken ? 3 : 0,
    poweredOn: !broken,
    hardwareProfile: 'unknown',
    provisioning: {
      ID: ironicId,
      state: 'externally provisioned',
      bootMode: 'UEFI',
      image: { url: '' },
    },
    hardware: hardwareOf(s),
    goodCredentials: {
      credentials: { name: secretName(s), namespace: METAL3_NAMESPACE },
      credentialsVersion: '1',
    },
    lastUpdated: daysAgo(now, 0, broken ? 9 : 2),
    operationHistory: {
      register: { start: daysAgo(now, 41), end: daysAgo(now, 41) },
      inspect: { start: daysAgo(now, 41), end: daysAgo(now, 41, -6) },
      provision: { start: null, end: null },
      deprovision: { start: null, end: null },
    },
  };
}

export function hardwareData(s: Server): KObj {
  return {
    apiVersion: 'metal3.io/v1alpha1',
    kind: 'HardwareData',
    metadata: { name: s.node, namespace: METAL3_NAMESPACE },
    spec: { hardware: hardwareOf(s) },
  };
}

export async function seedHardware(c: SeedClient, now: Date): Promise<void> {
  await c.apply(fleet.map(bmcSecret));
  for (const s of fleet) {
    const bmh = bareMetalHost(s);
    await c.apply([bmh]);
    await c.status(bmh, bareMetalHostStatus(s, now), { unlessSet: 'operationalStatus' });
  }
  await c.apply(fleet.map(hardwareData));
}

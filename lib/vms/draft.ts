// The create-VM form's defaults: no schema here, so the form's first load does not carry the
// validator (lib/vms/create-kit.ts loads it).
import type { CreateVmDraft } from './schema';

export const defaultVm: CreateVmDraft = {
  name: '',
  bootSource: '',
  instancetype: 'u1.small',
  cpu: 1,
  memoryGi: 2,
  preference: '',
  rootDiskGi: 20,
  storageClass: 'replicated',
  dataDisks: [],
  sshKeys: '',
  cloudInit: '',
  exposeSsh: false,
  start: true,
};

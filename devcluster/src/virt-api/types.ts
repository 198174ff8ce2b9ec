// The parts of KubeVirt's objects the subresource handlers read (kubevirt.io/api core/v1 types.go).

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string | null;
}

export interface StateChangeRequest {
  action: 'Start' | 'Stop';
  uid?: string;
  data?: Record<string, string>;
}

interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  labels?: Record<string, string>;
  deletionTimestamp?: string;
}

export interface Vm {
  metadata: Meta;
  spec: {
    runStrategy?: string;
    running?: boolean;
    template?: { spec?: { startStrategy?: string } };
  };
  status?: {
    conditions?: Condition[];
    stateChangeRequests?: StateChangeRequest[];
    startFailure?: unknown;
    snapshotInProgress?: string;
  } & Record<string, unknown>;
}

export interface Vmi {
  metadata: Meta;
  spec: {
    terminationGracePeriodSeconds?: number;
    livenessProbe?: unknown;
    domain?: {
      devices?: { autoattachGraphicsDevice?: boolean; autoattachSerialConsole?: boolean };
    };
  };
  status?: {
    phase?: string;
    nodeName?: string;
    conditions?: Condition[];
    migrationState?: { completed?: boolean };
    guestOSInfo?: Record<string, string>;
  };
}

export interface Migration {
  metadata: Meta;
  spec: { vmiName: string };
  status?: { phase?: string };
}

export const isFinal = (vmi: Vmi): boolean =>
  vmi.status?.phase === 'Succeeded' || vmi.status?.phase === 'Failed';

export const isRunning = (vmi: Vmi): boolean => vmi.status?.phase === 'Running';

export const conditionOf = (o: { status?: { conditions?: Condition[] } }, type: string) =>
  o.status?.conditions?.find((c) => c.type === type);

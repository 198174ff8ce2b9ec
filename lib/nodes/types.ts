// The shapes the node pages read: Nodes (core), medik8s NodeHealthCheck and its remediations
// (FenceAgentsRemediation, SelfNodeRemediation), pods and PodDisruptionBudgets for a drain.
// Only the fields read here. Pure.
import type { NodeObject } from '../k8s/objects';
import type { Condition, KubeObject } from '../k8s/types';

export type { NodeObject };

export interface TemplateRef {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export interface UnhealthyNode {
  name: string;
  remediations?: {
    resource?: TemplateRef & { uid?: string };
    started?: string;
    timedOut?: string;
    templateName?: string;
  }[];
  conditionsHealthyTimestamp?: string;
  healthyDelayed?: boolean;
}

export type NhcObject = KubeObject & {
  spec?: {
    selector?: {
      matchLabels?: Record<string, string>;
      matchExpressions?: { key: string; operator: string; values?: string[] }[];
    };
    unhealthyConditions?: { type: string; status: string; duration: string }[];
    minHealthy?: string | number;
    maxUnhealthy?: string | number;
    remediationTemplate?: TemplateRef;
    escalatingRemediations?: { remediationTemplate: TemplateRef; order: number; timeout: string }[];
    pauseRequests?: string[];
  };
  status?: {
    phase?: string;
    reason?: string;
    observedNodes?: number;
    healthyNodes?: number;
    unhealthyNodes?: UnhealthyNode[];
    inFlightRemediations?: Record<string, string>;
    lastUpdateTime?: string;
    conditions?: Condition[];
  };
};

/** A FenceAgentsRemediation or a SelfNodeRemediation: named after the node they remediate. */
export type RemediationObject = KubeObject & {
  spec?: { agent?: string; remediationStrategy?: string };
  status?: {
    phase?: string;
    lastError?: string;
    lastUpdateTime?: string;
    timeAssumedRebooted?: string;
    conditions?: Condition[];
  };
};

export type FarTemplateObject = KubeObject & {
  spec?: { template?: { spec?: Record<string, unknown> } };
};

export type PodObject = KubeObject & {
  spec?: { nodeName?: string };
  status?: { phase?: string };
};

export type PdbObject = KubeObject & {
  spec?: { minAvailable?: number | string; maxUnavailable?: number | string };
  status?: { disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number };
};

export type KubevirtMachineObject = KubeObject & {
  spec?: { providerID?: string };
  status?: { ready?: boolean; nodeUpdated?: boolean };
};

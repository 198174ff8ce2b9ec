'use client';

import { useMemo } from 'react';

import type { UserError } from '../k8s/errors';
import { useLiveList } from '../live/use-live-list';
import { nodeLists } from './live';
import {
  healthCheckSummary,
  nodeSummary,
  remediationsByNode,
  severity,
  type HealthCheckSummary,
  type NodeSummary,
  type Remediation,
} from './status';

export interface NodeListRow extends NodeSummary {
  remediations: Remediation[];
  severity: number;
}

/** Live node rows joined with their remediations, and the health checks, for the nodes page. */
export function useNodes(): {
  rows: NodeListRow[];
  healthChecks: HealthCheckSummary[];
  isLoading: boolean;
  partial: boolean;
  error: UserError | undefined;
} {
  const lists = nodeLists();
  const nodes = useLiveList(lists.nodes);
  const nhcs = useLiveList(lists.healthChecks);
  const fars = useLiveList(lists.fars);
  const snrs = useLiveList(lists.snrs);
  const rows = useMemo(() => {
    const byNode = remediationsByNode(fars.items, snrs.items);
    return nodes.items.map((n) => {
      const s = nodeSummary(n);
      const remediations = byNode.get(s.name) ?? [];
      return { ...s, remediations, severity: severity(s, remediations) };
    });
  }, [nodes.items, fars.items, snrs.items]);
  const healthChecks = useMemo(() => nhcs.items.map(healthCheckSummary), [nhcs.items]);
  return {
    rows,
    healthChecks,
    isLoading: nodes.isLoading,
    partial: nodes.partial,
    error: nodes.error,
  };
}

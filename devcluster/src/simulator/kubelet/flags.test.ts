import { describe, expect, it } from 'vitest';

import { nodeLabelsError } from './flags.ts';

describe('kubelet --node-labels', () => {
  it('starts with labels outside kubernetes.io and with the allowed ones', () => {
    expect(nodeLabelsError('stratus.dev/node-group=workers,zone=a')).toBeUndefined();
    expect(
      nodeLabelsError('node.kubernetes.io/exclude-from-external-load-balancers='),
    ).toBeUndefined();
    expect(nodeLabelsError('topology.kubernetes.io/zone=z1')).toBeUndefined();
  });

  it('refuses node-role and other reserved labels with its message', () => {
    const e = nodeLabelsError('node-role.kubernetes.io/worker=,stratus.dev/node-group=workers');
    expect(e).toMatch(
      /^failed to validate kubelet flags: unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: \[node-role\.kubernetes\.io\/worker\]\n--node-labels in the 'kubernetes\.io' namespace must begin with an allowed prefix \(kubelet\.kubernetes\.io, node\.kubernetes\.io\)/,
    );
  });

  it('takes a bare key as an empty value, and refuses invalid keys', () => {
    expect(nodeLabelsError('novalue')).toBeUndefined();
    expect(nodeLabelsError('bad key=x')).toContain("invalid node labels: 'bad key'");
  });
});

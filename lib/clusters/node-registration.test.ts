import { describe, expect, it } from 'vitest';

import { kubeletRefusesLabel, parseLabels, parseTaints } from './node-registration';
import { createClusterSchema } from './schema';
import { defaultNodeGroup } from './draft';

describe("the kubelet's --node-labels rule", () => {
  it.each([
    ['node-role.kubernetes.io/worker', true],
    ['kubernetes.io/role', true],
    ['foo.k8s.io/x', true],
    ['node.kubernetes.io/instance-type', false],
    ['node.kubernetes.io/anything', false],
    ['custom.kubelet.kubernetes.io/x', false],
    ['topology.kubernetes.io/zone', false],
    ['kubernetes.io/hostname', false],
    ['stratus.dev/node-group', false],
    ['zone', false],
    ['kubernetes.io.example.com/x', false],
  ])('%s refused: %s', (key, refused) => {
    expect(kubeletRefusesLabel(key)).toBe(refused);
  });

  it('is enforced by the form schema with a sentence, and roles are the way to set node-role', () => {
    const bad = createClusterSchema.safeParse({
      name: 'c',
      version: 'v1.34.1',
      controlPlaneReplicas: 1,
      nodeGroups: [{ ...defaultNodeGroup, labels: 'node-role.kubernetes.io/worker=' }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['nodeGroups', 0, 'labels'],
      message: 'clusters.validation.labelReserved',
    });
  });
});

describe('parsing', () => {
  it('reads labels as key=value pairs and refuses other shapes', () => {
    expect(parseLabels('a=1, b.example/c=x')).toEqual([
      ['a', '1'],
      ['b.example/c', 'x'],
    ]);
    expect(parseLabels('')).toEqual([]);
    expect(parseLabels('novalue')).toBeUndefined();
  });

  it('reads taints in kubectl syntax', () => {
    expect(parseTaints('gpu=true:NoSchedule, dedicated:NoExecute')).toEqual([
      { key: 'gpu', value: 'true', effect: 'NoSchedule' },
      { key: 'dedicated', effect: 'NoExecute' },
    ]);
    expect(parseTaints('gpu=true:Sometimes')).toBeUndefined();
  });
});

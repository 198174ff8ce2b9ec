import { describe, expect, it } from 'vitest';

import { refusalOf, skipReason } from './drain';

describe('refusalOf', () => {
  it('names the PodDisruptionBudget from the API server’s 429', () => {
    // As pkg/registry/core/pod/storage/eviction.go answers.
    expect(
      refusalOf({
        code: 429,
        reason: 'TooManyRequests',
        message: "Cannot evict pod as it would violate the pod's disruption budget.",
        details: {
          causes: [
            {
              reason: 'DisruptionBudget',
              message:
                'The disruption budget ingress-nginx needs 2 healthy pods and has 2 currently',
            },
          ],
        },
      }),
    ).toEqual({
      pdb: 'ingress-nginx',
      detail: 'The disruption budget ingress-nginx needs 2 healthy pods and has 2 currently',
    });
  });

  it('keeps the message when no budget is named', () => {
    expect(refusalOf({ message: 'too many requests' })).toEqual({ detail: 'too many requests' });
  });
});

describe('skipReason', () => {
  it('leaves DaemonSet, mirror and finished pods alone', () => {
    expect(
      skipReason({
        metadata: {
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'x', uid: 'u', controller: true },
          ],
        },
      }),
    ).toBe('daemonSet');
    expect(skipReason({ metadata: { annotations: { 'kubernetes.io/config.mirror': 'h' } } })).toBe(
      'mirror',
    );
    expect(skipReason({ metadata: {}, status: { phase: 'Succeeded' } })).toBe('finished');
    expect(skipReason({ metadata: {}, status: { phase: 'Running' } })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';

import { metrics } from '../serving/metrics.mjs';
import { observeApiRequest, resourceOf } from './metrics';

describe('resourceOf', () => {
  it('names the resource and subresource of core and group paths', () => {
    expect(resourceOf('/api/v1/namespaces/acme/pods')).toBe('pods');
    expect(resourceOf('/api/v1/nodes/n1')).toBe('nodes');
    expect(resourceOf('/api/v1/namespaces/acme')).toBe('namespaces');
    expect(
      resourceOf('/apis/subresources.kubevirt.io/v1/namespaces/acme/virtualmachines/web/start'),
    ).toBe('virtualmachines/start');
    expect(resourceOf('/apis/kubevirt.io/v1/virtualmachines?limit=100')).toBe('virtualmachines');
    expect(resourceOf('/apis')).toBe('discovery');
  });
});

describe('observeApiRequest', () => {
  it('counts lists, gets and failures with bounded labels', async () => {
    observeApiRequest('GET', '/api/v1/namespaces/acme/pods', Date.now() - 20, 200);
    observeApiRequest('GET', '/api/v1/namespaces/acme/pods/p1', Date.now(), 404);
    observeApiRequest('POST', '/api/v1/namespaces/acme/pods', Date.now(), 'timeout');
    const text = await metrics().registry.metrics();
    expect(text).toMatch(
      /stratus_apiserver_request_duration_seconds_count\{verb="list",resource="pods",code="200"\} 1/,
    );
    expect(text).toMatch(/verb="get",resource="pods",code="404"/);
    expect(text).toContain(
      'stratus_apiserver_request_errors_total{verb="post",resource="pods",reason="timeout"} 1',
    );
    expect(text).not.toMatch(/errors_total\{verb="get",resource="pods",reason="404"/);
  });
});

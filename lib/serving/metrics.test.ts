import { describe, expect, it } from 'vitest';

import { metrics, routeLabel } from './metrics.mjs';

describe('routeLabel', () => {
  it('keeps the label set as small as the route table', () => {
    expect(routeLabel('/t/acme/virtualmachines/web-1/console?x=1')).toBe(
      '/t/:tenant/virtualmachines/:name/console',
    );
    expect(routeLabel('/t/globex/clusters')).toBe('/t/:tenant/clusters');
    expect(routeLabel('/console/vms/anything')).toBe('/console/vms/:name');
    expect(routeLabel('/api/tenants/acme/clusters/x/kubeconfig')).toBe(
      '/api/tenants/:tenant/clusters/:name/kubeconfig',
    );
    expect(routeLabel('/api/auth/callback/oidc')).toBe('/api/auth/*');
    expect(routeLabel('/_next/static/chunks/abc.js')).toBe('/_next/static');
    expect(routeLabel('/%E2%9C%93')).toBe('/:other');
    expect(routeLabel('/')).toBe('/');
  });
});

describe('metrics', () => {
  it('is one registry per process and renders the exposition format', async () => {
    expect(metrics()).toBe(metrics());
    metrics().actions.inc({ action: 'createVm', outcome: 'ok' });
    const text = await metrics().registry.metrics();
    expect(text).toContain('stratus_actions_total{action="createVm",outcome="ok"} 1');
    expect(text).toContain('# TYPE stratus_live_streams gauge');
    expect(text).toContain('stratus_process_resident_memory_bytes');
  });
});

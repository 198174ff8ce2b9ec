// The load-balancer form's defaults: no schema here, so the form's first load does not carry the
// validator (lib/loadbalancers/form.ts loads with it).
import type { LoadBalancerDraft } from './schema';

export const defaultLoadBalancer = (pool = '', vm = ''): LoadBalancerDraft => ({
  name: '',
  ports: [{ protocol: 'TCP', port: '22', targetPort: '22' }],
  target: 'vm',
  vm,
  selector: '',
  pool,
  ip: '',
  sharingKey: '',
  externalTrafficPolicy: 'Cluster',
});

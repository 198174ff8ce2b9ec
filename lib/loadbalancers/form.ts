// The form's schema on what the page knows (pools, the tenant's Services and VMs): the same rules
// the server checks before writing. Pure.
import { MANAGED_BY, selectorOf } from './build';
import { lbProblems, type LbContext } from './rules';
import { loadBalancerSchema } from './schema';

export function loadBalancerSchemaFor(ctx: LbContext) {
  return loadBalancerSchema.superRefine((v, c) => {
    for (const p of lbProblems(v, ctx, selectorOf(v), { ...MANAGED_BY }))
      c.addIssue({ code: 'custom', path: p.path.split('.'), message: p.key });
  });
}

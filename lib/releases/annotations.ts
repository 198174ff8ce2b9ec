// The annotations the console writes on a HelmRelease, and the merge patches that write them. Pure.
export const REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';
export const FORCE_AT = 'reconcile.fluxcd.io/forceAt';
/** Who suspended a release: the guardrail lets a person write only their own name here. */
export const SUSPENDED_BY = 'stratus.dev/suspended-by';

/** What `flux reconcile hr [--force]` patches: requestedAt, and forceAt with the same value. */
export function reconcilePatch(at: string, force: boolean) {
  return {
    metadata: { annotations: { [REQUESTED_AT]: at, ...(force ? { [FORCE_AT]: at } : {}) } },
  };
}

/** Suspend names the person; resume clears the name (null deletes it in a merge patch). */
export function suspendPatch(suspend: boolean, who: string) {
  return {
    metadata: { annotations: { [SUSPENDED_BY]: suspend ? who : null } },
    spec: { suspend },
  };
}

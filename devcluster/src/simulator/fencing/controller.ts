// Plays fence-agents-remediation and kube-fencing for the NotReady node.
import { keyOf, pathOf, pathOfObj, R } from '../kube/types.ts';
import { nowIso } from '../conditions.ts';
import type { Plan } from '../runner.ts';
import { runner, splitKey, type World } from '../world.ts';
import {
  delays,
  FENCING_STATE,
  farSucceeded,
  farTaints,
  nextFarStep,
  shouldMarkFenced,
} from './far.ts';

const FAR = 'fence-agents-remediation';
const KUBE_FENCING = 'fencing-controller';

export function startFencing(w: World): void {
  const { fars, nodes } = w.inf;

  const farOf = (node: string) => fars.list().find((f) => f.metadata.name === node);

  const farRunner = runner(w, 'fenceagentsremediations', (key): Plan[] => {
    const [ns, name] = splitKey(key);
    const far = fars.get(ns, name);
    if (!far) return [];
    const step = nextFarStep(far, !!nodes.get(undefined, name), nowIso());
    if (!step) return [];
    return [
      {
        id: step.id,
        after: step.after,
        run: async () => {
          await w.rest.mergePatch(pathOfObj(R.fenceAgentsRemediation, far, 'status'), {
            status: step.status,
          });
          w.events.record(R.fenceAgentsRemediation, far, { ...step.event, component: FAR });
        },
      },
    ];
  });

  const nodeRunner = runner(w, 'fencing-nodes', (name): Plan[] => {
    const node = nodes.get(undefined, name);
    if (!node) return [];
    const available = fars.available;
    if (!shouldMarkFenced(node, { available, succeeded: farSucceeded(farOf(name)) })) return [];
    return [
      {
        id: `fenced:${node.metadata.uid}`,
        after: available ? delays.node : delays.kubeFencingAlone,
        run: async () => {
          const now = nowIso();
          await w.rest.mergePatch(pathOf(R.node, undefined, name), {
            metadata: {
              annotations: {
                [FENCING_STATE]: 'fenced',
                'fencing/timestamp': String(Math.floor(Date.now() / 1000)),
              },
            },
          });
          // kube-fencing's "flush" mode rewrites the Ready condition's reason.
          const conditions = (node.status?.conditions ?? []).map((c) =>
            c.type === 'Ready'
              ? {
                  ...c,
                  reason: 'NodeFenced',
                  message: 'Node was fenced by fencing controller.',
                  lastTransitionTime: c.lastTransitionTime ?? now,
                }
              : c,
          );
          await w.rest.mergePatch(pathOf(R.node, undefined, name, 'status'), {
            status: { conditions },
          });
          w.events.record(R.node, node, {
            reason: 'NodeFenced',
            message: `Node ${name} was fenced`,
            component: KUBE_FENCING,
          });
        },
      },
    ];
  });

  // FAR's taints on the node: its own NoExecute taint while it works, the out-of-service taint once
  // fenced; both go when the remediation is deleted (only then: a seeded taint without a FAR stays).
  const released = new Set<string>();
  const taintRunner = runner(w, 'far-taints', (name): Plan[] => {
    const node = nodes.get(undefined, name);
    const far = farOf(name);
    if (!node || (!far && !released.has(name))) return [];
    const taints = farTaints(node, far);
    if (!taints) {
      if (!far) released.delete(name);
      return [];
    }
    return [
      {
        id: `taints:${node.metadata.uid}:${taints.map((t) => t.key).join(',')}`,
        after: delays.start,
        run: async () => {
          await w.rest.mergePatch(pathOf(R.node, undefined, name), { spec: { taints } });
          if (!far) released.delete(name);
        },
      },
    ];
  });

  fars.on((far, _old, deleted) => {
    farRunner.enqueue(keyOf(far));
    nodeRunner.enqueue(far.metadata.name);
    if (deleted) released.add(far.metadata.name);
    taintRunner.enqueue(far.metadata.name);
  });
  nodes.on((node) => {
    nodeRunner.enqueue(node.metadata.name);
    taintRunner.enqueue(node.metadata.name);
    const far = farOf(node.metadata.name);
    if (far) farRunner.enqueue(keyOf(far));
  });
}

// How a node group's nodes register: roles, labels and taints, and the kubelet's rule for
// --node-labels. Pure.
//
// The kubelet refuses to start when --node-labels holds a kubernetes.io / k8s.io key outside its
// allowed set (ValidateKubeletFlags, k8s.io/kubernetes cmd/kubelet/app/options), so role labels
// (node-role.kubernetes.io/<role>) go on the MachineDeployment's template metadata instead, which
// Cluster API copies onto the Node.

/** k8s.io/kubelet pkg/apis well_known_labels.go (v0.34). */
export const kubeletLabels: readonly string[] = [
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'kubernetes.io/arch',
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
];
export const kubeletLabelNamespaces: readonly string[] = [
  'kubelet.kubernetes.io',
  'node.kubernetes.io',
];

const namespaceOf = (key: string) => (key.includes('/') ? key.slice(0, key.indexOf('/')) : '');
const within = (ns: string, domain: string) => ns === domain || ns.endsWith(`.${domain}`);

/** Whether the kubelet would refuse this key in --node-labels. */
export function kubeletRefusesLabel(key: string): boolean {
  const ns = namespaceOf(key);
  const reserved = within(ns, 'kubernetes.io') || within(ns, 'k8s.io');
  if (!reserved || kubeletLabels.includes(key)) return false;
  return !kubeletLabelNamespaces.some((allowed) => within(ns, allowed));
}

const qualifiedName =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

export const isLabelKey = (k: string): boolean =>
  qualifiedName.test(k) && namespaceOf(k).length <= 253;
export const isLabelValue = (v: string): boolean => v.length <= 63 && labelValue.test(v);

export const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
export type TaintEffect = (typeof taintEffects)[number];
export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

const items = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** "k=v, k2=v2" → pairs; undefined when an item is not k=v. */
export function parseLabels(text: string): [string, string][] | undefined {
  const out: [string, string][] = [];
  for (const item of items(text)) {
    const eq = item.indexOf('=');
    if (eq <= 0) return undefined;
    out.push([item.slice(0, eq).trim(), item.slice(eq + 1).trim()]);
  }
  return out;
}

/** kubectl taint syntax: "key[=value]:Effect", comma-separated. undefined when one doesn't parse. */
export function parseTaints(text: string): Taint[] | undefined {
  const out: Taint[] = [];
  for (const item of items(text)) {
    const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(item);
    if (!m?.[1] || !m[3]) return undefined;
    const effect = taintEffects.find((e) => e === m[3]);
    if (!effect) return undefined;
    out.push({ key: m[1].trim(), ...(m[2] ? { value: m[2].trim() } : {}), effect });
  }
  return out;
}

export const parseRoles = (text: string): string[] => items(text);

export const roleLabel = (role: string): string => `node-role.kubernetes.io/${role}`;

// The kubelet's start-up check of --node-labels (k8s.io/kubernetes v1.34 cmd/kubelet/app/options
// ValidateKubeletFlags, k8s.io/kubelet pkg/apis well_known_labels.go), with its messages. A worker
// whose bootstrap config fails it never registers a Node.
// The allowed set is the app's copy of the same upstream list (one list, pinned by unit tests on
// both sides); the parsing, ordering and messages below are the kubelet's.
import {
  kubeletLabelNamespaces,
  kubeletLabels,
  kubeletRefusesLabel,
} from '../../../../lib/clusters/node-registration.ts';

const name = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const dns1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function qualifiedNameErrors(k: string): string[] {
  const parts = k.split('/');
  const [prefix, n] = parts.length === 2 ? parts : ['', parts[0] ?? ''];
  const errs: string[] = [];
  if (parts.length > 2 || (parts.length === 2 && !prefix))
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    ];
  if (prefix && (!dns1123.test(prefix) || prefix.length > 253))
    errs.push(
      'prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters',
    );
  if (!n || n.length > 63 || !name.test(n))
    errs.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    );
  return errs;
}
const valueErrors = (v: string) =>
  v === '' || (v.length <= 63 && name.test(v))
    ? []
    : [
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      ];

/** The kubelet's error for this --node-labels value, or undefined when it starts. */
export function nodeLabelsError(value: string): string | undefined {
  const labels: [string, string][] = [];
  for (const pair of value.split(',').filter((p) => p.length > 0)) {
    const eq = pair.indexOf('=');
    // pflag's mapStringString (configuration_map.go): "key" alone is key with an empty value.
    if (eq < 0) {
      labels.push([pair.trim(), '']);
      continue;
    }
    labels.push([pair.slice(0, eq).trim(), pair.slice(eq + 1).trim()]);
  }
  const unknown = [...new Set(labels.map(([k]) => k).filter(kubeletRefusesLabel))].sort();
  if (unknown.length)
    return `failed to validate kubelet flags: unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [${unknown.join(' ')}]\n--node-labels in the 'kubernetes.io' namespace must begin with an allowed prefix (${kubeletLabelNamespaces.join(', ')}) or be in the specifically allowed set (${kubeletLabels.join(', ')})`;
  const invalid = labels.flatMap(([k, v]) => [
    ...(qualifiedNameErrors(k).length ? [`'${k}' - ${qualifiedNameErrors(k).join(', ')}`] : []),
    ...(valueErrors(v).length ? [`'${v}' - ${valueErrors(v).join(', ')}`] : []),
  ]);
  if (invalid.length)
    return `failed to validate kubelet flags: invalid node labels: ${invalid.join('; ')}`;
  return undefined;
}

/** The container runtime's report until a CNI writes its config on the node. */
export const CNI_NOT_READY =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

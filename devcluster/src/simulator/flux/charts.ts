// What the upstream chart repositories publish, by repository URL: the simulator's stand-in for
// fetching an index. A chart version not listed here does not exist, as on the real repository.
export const chartIndex: Record<string, Record<string, string[]>> = {
  'https://helm.cilium.io/': { cilium: ['1.16.15', '1.17.8', '1.18.1', '1.18.2'] },
  'https://kubernetes.github.io/ingress-nginx': { 'ingress-nginx': ['4.12.7', '4.13.2', '4.13.3'] },
  'https://charts.jetstack.io': { 'cert-manager': ['v1.18.2', 'v1.19.0', 'v1.19.1'] },
  'https://kubernetes-sigs.github.io/metrics-server/': { 'metrics-server': ['3.12.2', '3.13.0'] },
  'oci://ghcr.io/stratus-dev/charts': {
    'kubevirt-csi-driver': ['0.10.0', '0.11.0'],
    'kubevirt-cloud-controller-manager': ['0.5.0', '0.5.1'],
    'tenant-access': ['0.2.0', '0.3.0'],
  },
};

/** Charts that install a CNI: a tenant cluster's nodes turn Ready once one of these is Ready. */
export const cniCharts = new Set([
  'cilium',
  'calico',
  'tigera-operator',
  'flannel',
  'kube-ovn',
  'antrea',
]);

// KubeVirt's subresource API group, served by virt-api through API aggregation.
export const VIRT_API = 'subresources.kubevirt.io';

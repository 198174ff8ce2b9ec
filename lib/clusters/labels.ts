// The labels and annotations that tie a tenant cluster's objects together (ours and Cluster API's).
// Pure constants: lists and status in the browser read them without the builders.
export const CLUSTER_LABEL = 'stratus.dev/cluster';
export const NODE_GROUP_LABEL = 'stratus.dev/node-group';
export const CAPI_CLUSTER_NAME = 'cluster.x-k8s.io/cluster-name';
export const CAPI_DEPLOYMENT_NAME = 'cluster.x-k8s.io/deployment-name';
export const AUTOSCALER_MIN = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-min-size';
export const AUTOSCALER_MAX = 'cluster.x-k8s.io/cluster-api-autoscaler-node-group-max-size';
export const ADDON_LABEL = 'stratus.dev/addon';
export const addonReleaseName = (cluster: string, id: string): string => `${cluster}-${id}`;

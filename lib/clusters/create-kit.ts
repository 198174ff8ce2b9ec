// What the create-cluster form loads once it is on screen (components/forms/use-lazy-module): the
// validator and the builders, which bring zod and yaml, kept out of the page's first scripts.
export { createClusterSchema } from './schema';
export { buildCluster } from './build';
export { previewContext } from './context';
export { quotaShortfall } from './quota';

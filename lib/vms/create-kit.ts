// What the create-VM form loads once it is on screen (components/forms/use-lazy-module): the
// validator and the builders, which bring zod and yaml, kept out of the page's first scripts.
export { createVmSchemaFor } from './schema';
export { buildVm } from './build';
export { vmQuotaShortfall } from './quota';

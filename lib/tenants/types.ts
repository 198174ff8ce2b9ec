export type TenantRole = 'admin' | 'viewer';

export interface Tenant {
  name: string;
  namespace: string;
  displayName: string;
}

export const TENANT_LABEL = 'stratus.dev/tenant';
export const DISPLAY_NAME_ANNOTATION = 'stratus.dev/display-name';

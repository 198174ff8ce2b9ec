/** Who a request to the API server acts as; sent as Impersonate-User / Impersonate-Group. */
export interface KubeIdentity {
  username: string;
  groups: string[];
}

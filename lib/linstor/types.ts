// The LINSTOR controller REST API's answers, as far as the dashboard reads them (field names and
// units as documented: capacities in KiB, DRBD states as strings). Pure types.

export interface LinstorNode {
  name: string;
  type?: string;
  flags?: string[];
  /** ONLINE, OFFLINE, CONNECTED, VERSION_MISMATCH, … */
  connection_status?: string;
}

export interface LinstorStoragePool {
  storage_pool_name: string;
  node_name: string;
  provider_kind?: string;
  /** KiB; absent when the satellite did not report it. */
  free_capacity?: number;
  total_capacity?: number;
  reports?: { ret_code?: number; message?: string }[];
}

export interface LinstorVolume {
  volume_number?: number;
  storage_pool_name?: string;
  provider_kind?: string;
  allocated_size_kib?: number;
  usable_size_kib?: number;
  state?: {
    disk_state?: string;
    replication_states?: Record<string, { replication_state?: string; done_percentage?: number }>;
  };
}

export interface LinstorResource {
  name: string;
  node_name: string;
  flags?: string[];
  state?: { in_use?: boolean };
  layer_object?: {
    drbd?: { connections?: Record<string, { connected?: boolean; message?: string }> };
  };
  volumes?: LinstorVolume[];
}

/** LINSTOR's error entries (ApiCallRc). */
export interface ApiCallRc {
  ret_code?: number;
  message?: string;
  cause?: string;
}

// The choices the create-volume form offers: no schema here, so the form's first load does not
// carry the validator (it loads lib/volumes/schema.ts once on screen).
export const accessModes = ['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany'] as const;
/** Block first: a VM's disk is a raw block device (no filesystem between guest and DRBD). */
export const volumeModes = ['Block', 'Filesystem'] as const;
export type AccessMode = (typeof accessModes)[number];
export type VolumeMode = (typeof volumeModes)[number];

export const sourceKinds = ['none', 'snapshot', 'volume'] as const;
export type SourceKind = (typeof sourceKinds)[number];

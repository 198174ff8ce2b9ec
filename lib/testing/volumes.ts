// Integration-test kit for volumes: a claim created through the app's own path, once it is Bound.
import { eventually } from '../../devcluster/src/eventually.testing';
import type { KubeClient } from '../k8s/client';
import { models } from '../k8s/models';
import { createVolumeSchema } from '../volumes/schema';

/** Creates a 1 GiB replicated volume as `kube` and waits until its claim is Bound. */
export async function createBoundVolume(kube: KubeClient, namespace: string, name: string) {
  // Imported late: tests set the LINSTOR settings in beforeAll, before the server reads them.
  const { createVolume } = await import('../volumes/server');
  await createVolume(
    kube,
    namespace,
    createVolumeSchema.parse({ name, sizeGi: 1, storageClass: 'replicated' }),
  );
  await eventually(`claim ${name} Bound`, async () => {
    const pvc = await kube.get(models.persistentvolumeclaims, namespace, name);
    return pvc.status?.phase === 'Bound';
  });
}

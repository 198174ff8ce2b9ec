// The dev platform configuration and build contexts for tests: the same file, instancetypes and
// context the local cluster's seed uses (devcluster/src/seed/clusters.ts).
export {
  devPlatform,
  seedContext as testContext,
  seededSizes,
} from '../../devcluster/src/seed/clusters.ts';

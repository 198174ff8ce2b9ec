// The lists the releases pages keep live. Pure.
import { eventsAbout } from '../k8s/events';
import type { Subscription } from '../live/protocol';

export const releaseLists = {
  releases: { model: 'helmreleases' } satisfies Subscription<'helmreleases'>,
  helmRepositories: { model: 'helmrepositories' } satisfies Subscription<'helmrepositories'>,
  ociRepositories: { model: 'ocirepositories' } satisfies Subscription<'ocirepositories'>,
  gitRepositories: { model: 'gitrepositories' } satisfies Subscription<'gitrepositories'>,
};

export function releaseDetailLists(namespace: string, name: string) {
  return {
    release: {
      model: 'helmreleases',
      namespace,
      fieldSelector: `metadata.name=${name}`,
    } satisfies Subscription<'helmreleases'>,
    helmRepositories: releaseLists.helmRepositories,
    ociRepositories: releaseLists.ociRepositories,
    gitRepositories: releaseLists.gitRepositories,
    events: eventsAbout(namespace, 'HelmRelease', name),
  };
}

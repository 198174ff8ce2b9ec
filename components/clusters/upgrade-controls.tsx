'use client';

import { useAction } from '@/components/actions/use-action';
import { Section } from '@/components/resources/detail/section';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { upgradeCluster } from '@/lib/clusters/actions';
import type { ClusterSummary } from '@/lib/clusters/status';
import { upgradeTargets } from '@/lib/clusters/versions';
import { useT } from '@/lib/i18n/client';

/** One minor at a time: the control plane first, then the node groups follow. */
export function UpgradeControls({
  namespace,
  summary: s,
  versions,
}: {
  namespace: string;
  summary: ClusterSummary;
  versions: string[];
}) {
  const t = useT();
  const toast = useToast();
  const upgrade = useAction(upgradeCluster, {
    onSuccess: () => toast('success', t('clusters.upgrading')),
  });
  const targets = s.controlPlane.desiredVersion
    ? upgradeTargets(s.controlPlane.desiredVersion, versions)
    : [];
  const groupsBehind =
    s.controlPlane.ready &&
    s.controlPlane.version === s.controlPlane.desiredVersion &&
    s.nodeGroups.some((g) => g.version !== s.controlPlane.desiredVersion);
  if (!targets.length && !groupsBehind) return null;
  return (
    <Section title={t('clusters.upgrade')}>
      <div className="flex flex-wrap gap-2">
        {targets.map((v) => (
          <Button
            key={v}
            disabled={upgrade.pending}
            onClick={() =>
              void upgrade.run({ step: 'controlPlane', namespace, cluster: s.name, version: v })
            }
          >
            {t('clusters.upgradeCp', { version: v })}
          </Button>
        ))}
        {groupsBehind && (
          <Button
            tone="primary"
            disabled={upgrade.pending}
            onClick={() => void upgrade.run({ step: 'nodeGroups', namespace, cluster: s.name })}
          >
            {t('clusters.upgradeGroups', { version: s.controlPlane.desiredVersion ?? '' })}
          </Button>
        )}
      </div>
    </Section>
  );
}

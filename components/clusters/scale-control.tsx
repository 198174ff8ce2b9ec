'use client';

import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/client';
import type { NodeGroupSummary } from '@/lib/clusters/status';

export type NodeGroupSize = { replicas: string } | { min: string; max: string };

/** A node group's size, or its autoscaler bounds (the autoscaler owns the replicas). */
export function ScaleControl({
  group,
  disabled,
  onScale,
}: {
  group: NodeGroupSummary;
  disabled: boolean;
  onScale: (size: NodeGroupSize) => void;
}) {
  const t = useT();
  const [replicas, setReplicas] = useState(String(group.desired));
  const [min, setMin] = useState(String(group.autoscale?.min ?? 1));
  const [max, setMax] = useState(String(group.autoscale?.max ?? 3));
  const input =
    'w-16 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-950';
  const number = (label: string, value: string, set: (v: string) => void) => (
    <input
      aria-label={label}
      className={input}
      type="number"
      min={0}
      max={50}
      value={value}
      onChange={(e) => set(e.target.value)}
    />
  );
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onScale(group.autoscale ? { min, max } : { replicas });
      }}
    >
      {group.autoscale ? (
        <>
          {number(t('clusters.scale.min', { group: group.name }), min, setMin)}–
          {number(t('clusters.scale.max', { group: group.name }), max, setMax)}
        </>
      ) : (
        number(t('clusters.scale.nodes', { group: group.name }), replicas, setReplicas)
      )}
      <Button type="submit" disabled={disabled}>
        {t('clusters.scale')}
      </Button>
    </form>
  );
}

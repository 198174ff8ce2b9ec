'use client';

import { useState } from 'react';

import { Breadcrumbs, tenantCrumbs } from '@/components/resources/detail/breadcrumbs';
import { useT } from '@/lib/i18n/client';
import { tenantHref } from '@/lib/navigation';
import type { Tenant } from '@/lib/tenants/types';

import { SerialConsole } from './serial-console';
import { VncConsole } from './vnc-console';

type Tab = 'vnc' | 'serial';

/**
 * A VM's consoles, one tab at a time (switching closes the other's connection). `can` only picks
 * the first tab: kube-apiserver decides, and its refusal is what the page shows.
 */
export function VmConsole({
  tenant,
  name,
  can,
}: {
  tenant: Tenant;
  name: string;
  can: { vnc: boolean; console: boolean };
}) {
  const t = useT();
  const [tab, setTab] = useState<Tab>(!can.vnc && can.console ? 'serial' : 'vnc');
  const listHref = tenantHref(tenant.name, 'virtualmachines');
  const tabs: [Tab, string][] = [
    ['vnc', t('consoles.tab.vnc')],
    ['serial', t('consoles.tab.serial')],
  ];
  return (
    <div className="space-y-4">
      <Breadcrumbs
        items={tenantCrumbs(
          tenant,
          { label: t('nav.vms'), href: listHref },
          { label: name, href: tenantHref(tenant.name, 'virtualmachines', name) },
          { label: t('consoles.crumb') },
        )}
      />
      <h1 className="text-2xl font-semibold">{t('consoles.title', { name })}</h1>
      <div
        role="tablist"
        aria-label={t('consoles.tabs')}
        className="flex gap-1 border-b border-slate-200 dark:border-slate-800"
      >
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`console-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`console-panel-${id}`}
            onClick={() => setTab(id)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
              tab === id
                ? 'border-indigo-600 text-indigo-700 dark:text-indigo-300'
                : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300'
            }`}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`console-panel-${tab}`} aria-labelledby={`console-tab-${tab}`}>
        {tab === 'vnc' ? (
          <VncConsole namespace={tenant.namespace} name={name} />
        ) : (
          <SerialConsole namespace={tenant.namespace} name={name} />
        )}
      </div>
    </div>
  );
}

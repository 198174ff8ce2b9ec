'use client';

import { SelectField } from '@/components/ui/field';
import type { ClusterDraft } from '@/lib/clusters/draft';
import { useT } from '@/lib/i18n/client';
import type { PlatformConfig } from '@/lib/platform/config';

type Options = Pick<ClusterDraft, 'addons' | 'personalAccess' | 'controlPlanePreset'>;

/** Cluster-wide choices the platform offers: add-ons, personal access, control-plane size. */
export function ClusterOptionsFields({
  platform,
  value,
  errors,
  onChange,
}: {
  platform: PlatformConfig;
  value: Options;
  errors: Record<string, string>;
  onChange: (patch: Partial<Options>) => void;
}) {
  const t = useT();
  // The access add-on follows the personal-access choice below, not a checkbox of its own.
  const accessAddon = platform.tenantOidc?.accessAddon;
  const addons = platform.addons.filter((a) => a.id !== accessAddon);
  const presets = Object.entries(platform.controlPlane.presets);
  const toggle = (id: string, on: boolean) =>
    onChange({ addons: on ? [...value.addons, id] : value.addons.filter((a) => a !== id) });
  return (
    <>
      <fieldset className="space-y-2" data-testid="addons">
        <legend className="text-lg font-medium">{t('clusters.new.addons')}</legend>
        <p className="text-sm text-slate-500">{t('clusters.new.addonsHint')}</p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {addons.map((a) => (
            <li key={a.id}>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={a.required || value.addons.includes(a.id)}
                  disabled={a.required}
                  onChange={(e) => toggle(a.id, e.target.checked)}
                />
                <span>
                  <span className="font-medium">{a.id}</span>{' '}
                  <span className="text-xs text-slate-500">
                    {a.chart}@{a.version}
                  </span>
                  {a.required && (
                    <span className="block text-xs text-slate-500">
                      {t('clusters.new.addonRequired')}
                    </span>
                  )}
                  {a.dependsOn.length > 0 && (
                    <span className="block text-xs text-slate-500">
                      {t('clusters.new.addonNeeds', { names: a.dependsOn.join(', ') })}
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors.addons && <p className="text-sm text-red-600">{errors.addons}</p>}
      </fieldset>
      {platform.tenantOidc && (
        <div className="text-sm">
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={value.personalAccess}
              onChange={(e) => onChange({ personalAccess: e.target.checked })}
            />
            <span>
              <span className="font-medium">{t('clusters.new.personalAccess')}</span>
              <span className="block text-xs text-slate-500">
                {t('clusters.new.personalAccessHint')}
              </span>
            </span>
          </label>
          {errors.personalAccess && <p className="text-red-600">{errors.personalAccess}</p>}
        </div>
      )}
      {presets.length > 0 && (
        <SelectField
          label={t('clusters.new.controlPlaneSize')}
          name="controlPlanePreset"
          value={value.controlPlanePreset}
          error={errors.controlPlanePreset}
          onChange={(e) => onChange({ controlPlanePreset: e.target.value })}
        >
          {presets.map(([name, p]) => (
            <option key={name} value={name}>
              {t('clusters.new.presetOption', {
                name,
                cpu: p.apiServer?.requests?.cpu ?? '—',
                memory: p.apiServer?.requests?.memory ?? '—',
              })}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}

'use client';

import { Age } from '@/components/ui/age';
import { formatColumn, pick } from '@/lib/format';
import type { Translate } from '@/lib/i18n/messages';
import type { DisplayColumn } from '@/lib/k8s/models';

/** A registry column's value on screen: ages through <Age> (they follow the clock), the rest as text. */
export function columnValue(obj: unknown, c: DisplayColumn, t: Translate): React.ReactNode {
  if (c.format !== 'age') return formatColumn(obj, c, t);
  const v = pick(obj, c.path);
  return <Age at={typeof v === 'string' ? v : undefined} />;
}

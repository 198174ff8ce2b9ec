import 'server-only';

import type { Metadata } from 'next';

import type { MessageKey } from '../i18n/messages';
import { getT } from '../i18n/server';

/** A page's <title>, in the person's language. */
export function titled(key: MessageKey): () => Promise<Metadata> {
  return async () => ({ title: (await getT())(key) });
}

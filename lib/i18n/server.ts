import 'server-only';

import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';

import { translator } from './catalogs';
import { isLocale, LOCALE_COOKIE, type Locale, type Translate } from './messages';

export async function getLocale(): Promise<Locale> {
  try {
    const v = (await cookies()).get(LOCALE_COOKIE)?.value;
    return isLocale(v) ? v : 'en';
  } catch (e) {
    // Next's own signals (this page is dynamic) must pass; outside a request (tests, scripts)
    // the source language.
    unstable_rethrow(e);
    return 'en';
  }
}

export async function getT(): Promise<Translate> {
  return translator(await getLocale());
}

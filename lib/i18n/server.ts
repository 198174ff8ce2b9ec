import 'server-only';

import { cookies } from 'next/headers';

import { isLocale, LOCALE_COOKIE, translator, type Locale, type Translate } from './messages';

export async function getLocale(): Promise<Locale> {
  try {
    const v = (await cookies()).get(LOCALE_COOKIE)?.value;
    return isLocale(v) ? v : 'en';
  } catch {
    // Outside a request (tests, scripts): the source language.
    return 'en';
  }
}

export async function getT(): Promise<Translate> {
  return translator(await getLocale());
}

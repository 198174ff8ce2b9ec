import 'server-only';

import { cookies } from 'next/headers';

import { isLocale, LOCALE_COOKIE, translator, type Locale, type Translate } from './messages';

export async function getLocale(): Promise<Locale> {
  const v = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(v) ? v : 'en';
}

export async function getT(): Promise<Translate> {
  return translator(await getLocale());
}

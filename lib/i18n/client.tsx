'use client';

import { createContext, useContext, useMemo } from 'react';

import { translatorOf, type Catalog, type Locale, type Translate } from './messages';

// Outside a provider there is no catalog: keys show as written (never in the app: the root layout
// provides one).
const Ctx = createContext<{ locale: Locale; t: Translate }>({
  locale: 'en',
  t: translatorOf('en', {}),
});

/** `messages`: the person's locale's catalog, from the root layout (not bundled into the scripts). */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Catalog;
  children: React.ReactNode;
}) {
  const value = useMemo(() => ({ locale, t: translatorOf(locale, messages) }), [locale, messages]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useT(): Translate {
  return useContext(Ctx).t;
}

export function useLocale(): Locale {
  return useContext(Ctx).locale;
}

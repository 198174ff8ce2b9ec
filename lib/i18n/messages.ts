// Message keys, messages and translation, without the catalogs themselves (lib/i18n/catalogs.ts):
// the browser loads this module everywhere, and its locale's catalog comes with the page instead.
import type { en } from './catalogs';

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

export type Locale = 'en' | 'ru';
export const locales: Locale[] = ['en', 'ru'];
export const LOCALE_COOKIE = 'stratus-locale';

export function isLocale(v: string | undefined): v is Locale {
  return v === 'en' || v === 'ru';
}

/** A message with its parameters, made where the facts are (server or browser) and rendered late. */
export type MsgParam = string | number | Msg;
export interface Msg {
  key: MessageKey;
  params?: Record<string, MsgParam>;
  /** Render in lower case, for a label inside a sentence ("delete virtual machine"). */
  lower?: true;
}

export function msg(key: MessageKey, params?: Record<string, MsgParam>): Msg {
  return params ? { key, params } : { key };
}

/** Several sentences as one message parameter. */
export function joinMsgs(list: MsgParam[]): MsgParam {
  return list.reduce<MsgParam>(
    (acc, m) => (acc === '' ? m : msg('common.join', { a: acc, b: m })),
    '',
  );
}

/**
 * Whether a string made at run time (a schema's message, `model.<plural>`) is written as a key.
 * That every such key is in the catalogs is checked by the unit tests (lib/i18n/catalog.test.ts).
 */
export function isKeyShaped(k: string): k is MessageKey {
  return /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/.test(k);
}

export interface Translate {
  (key: MessageKey | Msg, params?: Record<string, MsgParam>): string;
  /** Whether the catalog has this key (phases and states the cluster names). */
  has(key: string): key is MessageKey;
}

/** Translation with one locale's catalog (what the page was given, or the server's). */
export function translatorOf(locale: Locale, catalog: Partial<Catalog>): Translate {
  const text = (key: MessageKey, params?: Record<string, MsgParam>): string => {
    const raw = catalog[key] ?? key;
    return params
      ? raw.replace(/\{(\w+)\}/g, (_, k: string) => {
          const v = params[k];
          if (v === undefined) return `{${k}}`;
          return typeof v === 'object' ? render(v) : String(v);
        })
      : raw;
  };
  const render = (m: Msg): string => {
    const s = text(m.key, m.params);
    return m.lower ? s.toLocaleLowerCase(locale) : s;
  };
  const t = (key: MessageKey | Msg, params?: Record<string, MsgParam>): string =>
    typeof key === 'object' ? render(key) : text(key, params);
  return Object.assign(t, {
    has: (key: string): key is MessageKey => Object.hasOwn(catalog, key),
  });
}

/** A parameter-like value as text: a message is translated, anything else printed. */
export function say(t: Translate, v: MsgParam): string {
  return typeof v === 'object' ? t(v) : String(v);
}

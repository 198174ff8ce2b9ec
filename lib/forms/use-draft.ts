'use client';

import { useEffect, useState } from 'react';

/**
 * Form state that survives a lost session: kept in sessionStorage under `key`, restored after the
 * person signs in again and returns to the page, cleared on successful submit.
 */
const storageKeyOf = (key: string) => `stratus-draft:${key}`;

/** Drops a kept draft, so the form's next mount starts from its initial value. */
export function forgetDraft(key: string): void {
  sessionStorage.removeItem(storageKeyOf(key));
}

export function useDraft<T>(key: string, initial: T): [T, (v: T) => void, () => void] {
  const storageKey = storageKeyOf(key);
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const saved = sessionStorage.getItem(storageKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage is only readable after mount
    if (saved) setValue(JSON.parse(saved) as T);
  }, [storageKey]);
  const update = (v: T) => {
    setValue(v);
    sessionStorage.setItem(storageKey, JSON.stringify(v));
  };
  return [value, update, () => sessionStorage.removeItem(storageKey)];
}

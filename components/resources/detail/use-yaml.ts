'use client';

import { useEffect, useState } from 'react';

type YamlLib = typeof import('yaml');
let loaded: YamlLib | undefined;

/**
 * `documents` as YAML, once the library is here: it loads on first use, so a page whose YAML stays
 * closed does not carry it (~30 kB gzip). Undefined while loading, or when there is nothing to show.
 */
export function useYaml(documents: readonly unknown[] | undefined): string | undefined {
  const [lib, setLib] = useState<YamlLib | undefined>(loaded);
  const wanted = documents !== undefined;
  useEffect(() => {
    if (lib || !wanted) return;
    let live = true;
    void import('yaml').then((m) => {
      loaded = m;
      if (live) setLib(m);
    });
    return () => {
      live = false;
    };
  }, [lib, wanted]);
  if (!documents || !lib) return undefined;
  return documents.map((d) => lib.stringify(d)).join('---\n');
}

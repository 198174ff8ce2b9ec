'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A module a page needs only once it is on screen (a create form's validator and builders, with
 * zod and yaml), fetched right after mount instead of with the page's first scripts. `module` is
 * undefined until it arrives; `failed` when it could not be fetched (the network dropped).
 */
export function useLazyModule<M>(load: () => Promise<M>): {
  module: M | undefined;
  failed: boolean;
} {
  const loader = useRef(load);
  const [state, setState] = useState<{ module: M | undefined; failed: boolean }>({
    module: undefined,
    failed: false,
  });
  useEffect(() => {
    let live = true;
    loader.current().then(
      (module) => live && setState({ module, failed: false }),
      () => live && setState({ module: undefined, failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

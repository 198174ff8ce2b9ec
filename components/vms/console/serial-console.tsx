'use client';

import '@xterm/xterm/css/xterm.css';

import { useRef } from 'react';

import { useT } from '@/lib/i18n/client';

import { ConsoleStatus } from './console-status';
import { useConsole } from './use-console';

const loadXterm = async () => {
  const [{ Terminal }, { FitAddon }] = await Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
  ]);
  return { Terminal, FitAddon };
};

/** The VM's serial console in xterm.js: the guest's bytes in, typed bytes out. */
export function SerialConsole({ namespace, name }: { namespace: string; name: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const { state, reconnect } = useConsole({
    namespace,
    name,
    kind: 'console',
    load: loadXterm,
    attach: (ws, { Terminal, FitAddon }, connected) => {
      const el = box.current;
      if (!el) return () => {};
      const term = new Terminal({
        cursorBlink: true,
        fontSize: 14,
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
        theme: { background: '#0f172a' },
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(el);
      fit.fit();
      const resize = new ResizeObserver(() => fit.fit());
      resize.observe(el);
      const utf8 = new TextEncoder();
      ws.addEventListener('open', () => {
        connected();
        term.focus();
      });
      ws.addEventListener('message', (e: MessageEvent<ArrayBuffer | string>) =>
        term.write(typeof e.data === 'string' ? e.data : new Uint8Array(e.data)),
      );
      const input = term.onData((d) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(utf8.encode(d));
      });
      return () => {
        input.dispose();
        resize.disconnect();
        term.dispose();
      };
    },
  });
  return (
    <div className="space-y-3">
      <ConsoleStatus state={state} reconnect={reconnect} />
      <div
        ref={box}
        className="h-[60vh] min-h-80 overflow-hidden rounded-md bg-slate-900 p-2"
        role="region"
        aria-label={t('consoles.terminal', { name })}
        data-testid="serial-terminal"
      />
    </div>
  );
}

'use client';

import type RFB from '@novnc/novnc';
import { useRef, useState } from 'react';

import { Button } from '@/components/ui/button';
import { keysymsOf } from '@/lib/consoles/keysyms';
import { useT } from '@/lib/i18n/client';

import { ConsoleStatus } from './console-status';
import { useConsole } from './use-console';

// noVNC is ESM and touches `window` when it loads: only ever imported here, in the browser.
const loadNoVnc = () => import('@novnc/novnc').then((m) => m.default);

/** The VM's screen through noVNC; keeps another viewer's session unless told to take it over. */
export function VncConsole({ namespace, name }: { namespace: string; name: string }) {
  const t = useT();
  const frame = useRef<HTMLDivElement>(null);
  const screen = useRef<HTMLDivElement>(null);
  const rfb = useRef<RFB | null>(null);
  const [text, setText] = useState('');
  const [clipboardDenied, setClipboardDenied] = useState(false);
  const { state, reconnect } = useConsole({
    namespace,
    name,
    kind: 'vnc',
    load: loadNoVnc,
    attach: (ws, Rfb, connected) => {
      if (!screen.current) return () => {};
      const r = new Rfb(screen.current, ws, { shared: true });
      r.scaleViewport = true;
      r.background = 'rgb(15 23 42)';
      r.addEventListener('connect', () => {
        rfb.current = r;
        r.focus();
        connected();
      });
      r.addEventListener('disconnect', () => {
        rfb.current = null;
      });
      return () => {
        rfb.current = null;
        // Already disconnected when the server closed first; noVNC then only logs.
        if (ws.readyState !== WebSocket.CLOSED) r.disconnect();
      };
    },
  });

  const typeText = (s: string) => {
    const r = rfb.current;
    if (!r) return;
    for (const k of keysymsOf(s)) r.sendKey(k, null);
    r.focus();
  };
  const typeClipboard = async () => {
    try {
      typeText(await navigator.clipboard.readText());
      setClipboardDenied(false);
    } catch {
      setClipboardDenied(true);
    }
  };
  const connected = state.phase === 'connected';

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ConsoleStatus state={state} reconnect={reconnect} />
        <div className="flex flex-wrap gap-2">
          <Button disabled={!connected} onClick={() => rfb.current?.sendCtrlAltDel()}>
            {t('consoles.ctrlAltDel')}
          </Button>
          <Button onClick={() => void frame.current?.requestFullscreen()}>
            {t('consoles.fullscreen')}
          </Button>
        </div>
      </div>
      <div
        ref={frame}
        className="h-[60vh] min-h-80 overflow-hidden rounded-md bg-slate-900"
        data-testid="vnc-frame"
      >
        <div
          ref={screen}
          className="h-full w-full"
          role="region"
          aria-label={t('consoles.screen', { name })}
          data-testid="vnc-screen"
        />
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          typeText(text);
          setText('');
        }}
      >
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
          <span>{t('consoles.typeText')}</span>
          <input
            className="rounded-md border border-slate-300 px-2 py-1 font-mono dark:border-slate-700 dark:bg-slate-900"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby="console-type-hint"
          />
        </label>
        <Button type="submit" disabled={!connected || !text}>
          {t('consoles.type')}
        </Button>
        <Button disabled={!connected} onClick={() => void typeClipboard()}>
          {t('consoles.pasteClipboard')}
        </Button>
        <p id="console-type-hint" className="w-full text-xs text-slate-500">
          {clipboardDenied ? t('consoles.clipboardDenied') : t('consoles.typeTextHint')}
        </p>
      </form>
    </div>
  );
}

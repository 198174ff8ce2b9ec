import 'server-only';

import { onRevoked } from '../auth/revocations';
import type { Viewer } from '../auth/session';
import { consoleSessions } from './sessions.mjs';
import { signTicket, ticketKey, type ConsoleKind } from './ticket.mjs';

let key: Buffer | undefined;

// A sign-out anywhere closes this process's consoles of that sign-in (the proxy holds them).
function closeConsolesOnSignOut(): void {
  const g = globalThis as typeof globalThis & { __stratusConsoleSignOutWired?: boolean };
  if (g.__stratusConsoleSignOutWired) return;
  g.__stratusConsoleSignOutWired = true;
  onRevoked((sid) => consoleSessions().revoke(sid));
}

export interface TicketRequest {
  namespace: string;
  name: string;
  kind: ConsoleKind;
  takeOver?: boolean;
}

/** A ticket for one console connection as this person; kube-apiserver decides whether it opens. */
export function issueTicket(viewer: Viewer, r: TicketRequest): string {
  closeConsolesOnSignOut();
  key ??= ticketKey(process.env.NEXTAUTH_SECRET);
  return signTicket(
    {
      username: viewer.identity.username,
      groups: viewer.identity.groups,
      namespace: r.namespace,
      name: r.name,
      kind: r.kind,
      // A VNC viewer keeps someone else's session unless they chose to take it over.
      preserveSession: r.kind === 'vnc' && !r.takeOver,
      sessionExpiresAt: viewer.expiresAt ?? Date.now(),
      sessionId: viewer.sessionId ?? '',
      // Passthrough: the dial's credential, current (proxy.ts refreshed it if due).
      token: viewer.identity.token,
    },
    key,
  );
}

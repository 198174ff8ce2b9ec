// Types of upstream.mjs.
import type WebSocket from 'ws';

import type { TicketClaims } from './ticket.mjs';

export interface Transport {
  server: URL;
  tls: { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean };
  authHeaders(): Promise<Record<string, string>>;
}

export type Target = Pick<TicketClaims, 'namespace' | 'name' | 'kind' | 'preserveSession'>;

export type Dialled =
  | {
      ok: true;
      ws: WebSocket;
      /** Messages received before the relay took over, in order. */
      early: [WebSocket.RawData, boolean][];
      stopBuffering(): void;
    }
  | { ok: false; status: number; message: string };

export type Dial = (transport: Transport, claims: TicketClaims) => Promise<Dialled>;

export const SUBPROTOCOL: 'plain.kubevirt.io';
export function loadTransport(file?: string): Transport;
export function consolePath(t: Target): string;
export function impersonation(
  who: Pick<TicketClaims, 'username' | 'groups'>,
): Record<string, string | string[]>;
export function dialUpstream(
  transport: Transport,
  claims: TicketClaims,
  opts?: { timeoutMs?: number },
): Promise<Dialled>;
export function apiServerUp(transport: Transport, opts?: { timeoutMs?: number }): Promise<boolean>;

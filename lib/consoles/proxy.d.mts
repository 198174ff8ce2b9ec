// Types of proxy.mjs.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import type { Log } from './log.mjs';
import type { ConsoleSessions } from './sessions.mjs';
import type { TicketLedger } from './ticket.mjs';
import type { Dial, Transport } from './upstream.mjs';

export const CONSOLE_PATH: '/api/vms/console';

export interface ConsoleProxyOptions {
  key: Buffer;
  transport: Transport;
  origin?: string;
  log?: Log;
  dial?: Dial;
  /** Whether kube-apiserver answers (upstream.mjs apiServerUp). */
  probe?: (transport: Transport) => Promise<boolean>;
  sessions?: ConsoleSessions;
  ledger?: TicketLedger;
  now?: () => number;
}

export interface ConsoleProxy {
  matches(req: IncomingMessage): boolean;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void>;
  /** Browser sockets currently relayed. */
  readonly open: number;
  close(): void;
}

export function createConsoleProxy(opts: ConsoleProxyOptions): ConsoleProxy;

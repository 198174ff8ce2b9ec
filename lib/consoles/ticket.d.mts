// Types of ticket.mjs (hand-written: the module is plain JS for the custom server).
export type ConsoleKind = 'vnc' | 'console';

export interface TicketInput {
  username: string;
  groups: string[];
  namespace: string;
  /** The VirtualMachineInstance. */
  name: string;
  kind: ConsoleKind;
  /** VNC only: refuse instead of taking over while another viewer is connected. */
  preserveSession: boolean;
  /** When the session ends (ms since epoch): the proxy closes the console then. */
  sessionExpiresAt: number;
  /** The sign-in; signing out closes its consoles. */
  sessionId: string;
  /** The person's ID token (token passthrough): sealed in the ticket, the dial's credential. */
  token?: string;
}

export interface TicketClaims extends TicketInput {
  v: 1;
  nonce: string;
  /** When the ticket lapses (ms since epoch). */
  exp: number;
}

export type TicketCheck =
  { ok: true; claims: TicketClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export const TICKET_TTL_MS: number;
export function ticketKey(secret: string | undefined): Buffer;
export function signTicket(
  claims: TicketInput,
  key: Buffer,
  opts?: { now?: number; ttlMs?: number },
): string;
export function verifyTicket(ticket: unknown, key: Buffer, opts?: { now?: number }): TicketCheck;

export class TicketLedger {
  claim(nonce: string, exp: number, now?: number): boolean;
  readonly size: number;
}

// Types of close-codes.mjs.
export const CLOSE: {
  readonly closed: 4000;
  readonly badRequest: 4400;
  readonly ticket: 4401;
  readonly forbidden: 4403;
  readonly notFound: 4404;
  readonly conflict: 4409;
  readonly inUse: 4423;
  readonly takenOver: 4410;
  readonly sessionExpired: 4440;
  readonly signedOut: 4441;
  readonly upstream: 4500;
  readonly upstreamLost: 4502;
};

export interface Close {
  code: number;
  reason: string;
}

export function refusalClose(status: number, message?: string): Close;
export function upstreamEndClose(code: number, apiServerUp?: boolean): Close;

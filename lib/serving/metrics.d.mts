// Types of metrics.mjs.
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  http: Histogram<'route' | 'method' | 'status'>;
  apiserver: Histogram<'verb' | 'resource' | 'code'>;
  apiserverErrors: Counter<'verb' | 'resource' | 'reason'>;
  signIns: Counter<'event'>;
  actions: Counter<'action' | 'outcome'>;
  liveForwarded: Counter<'outcome'>;
  liveStreams: Gauge;
  watches: Gauge;
  consoles: Gauge;
}
export function metrics(): Metrics;
export function routeLabel(url: string | undefined): string;

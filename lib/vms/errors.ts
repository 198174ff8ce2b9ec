// virt-api's refusals (409 Conflict with its own text) as sentences a person understands. Pure.
import { msg, type MessageKey } from '../i18n/messages';
import { KubeApiError, Refusal } from '../k8s/errors';

const known: [RegExp, MessageKey][] = [
  [/already running|VM is already running/i, 'vms.error.alreadyRunning'],
  [/already stopped|VM is not running|VMI is not running|not running/i, 'vms.error.notRunning'],
  [/not live migratable|cannot migrate|LiveMigratable|is not shared/i, 'vms.error.notMigratable'],
  [/already paused/i, 'vms.error.alreadyPaused'],
  [/not paused/i, 'vms.error.notPaused'],
  [/in progress|migration .* running/i, 'vms.error.busy'],
];

/** Rethrows a virt-api refusal as a Refusal with a catalog sentence; anything else unchanged. */
export function virtApiRefusal(e: unknown): never {
  // Refusals relayed from KubeVirt's webhooks arrive as 500 "Internal error occurred: …".
  if (e instanceof KubeApiError && [400, 409, 500].includes(e.status)) {
    const text = e.body.message ?? '';
    const hit = known.find(([re]) => re.test(text));
    if (hit) throw new Refusal({ code: 'conflict', status: 409, message: msg(hit[1]) });
  }
  throw e;
}

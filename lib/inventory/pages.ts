import 'server-only';

import { loadConsolePage } from '../console';
import { canI } from '../k8s/access';
import { models } from '../k8s/models';
import { allOf } from '../live/protocol';
import { inventoryLists } from './live';
import { nodeRequests } from './server';

export async function loadInventoryPage() {
  const page = await loadConsolePage(allOf(inventoryLists));
  const [requests, [canPower]] = await Promise.all([
    nodeRequests(page.kube),
    canI(page.kube, [{ verb: 'patch', model: models.baremetalhosts }]),
  ]);
  return { ...page, requests, canPower: canPower ?? false };
}

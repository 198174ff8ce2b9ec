import { HydrationBoundary } from '@tanstack/react-query';

import { InventoryPage } from '@/components/inventory/inventory-page';
import { loadInventoryPage } from '@/lib/inventory/pages';

export default async function ConsoleInventory() {
  const { state, requests, canPower } = await loadInventoryPage();
  return (
    <HydrationBoundary state={state}>
      <InventoryPage requests={requests} canPower={canPower} />
    </HydrationBoundary>
  );
}

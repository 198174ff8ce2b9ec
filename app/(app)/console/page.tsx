import { redirect } from 'next/navigation';

import { requireOperator } from '@/lib/console';

// The console opens on its nodes page (an overview page may take this place); others get "not found".
export default async function ConsoleHome() {
  await requireOperator();
  redirect('/console/nodes');
}

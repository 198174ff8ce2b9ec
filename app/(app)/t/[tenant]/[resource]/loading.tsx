import { TableSkeleton } from '@/components/resources/table/data-table';

export default function Loading() {
  return (
    <div className="space-y-6">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <TableSkeleton />
    </div>
  );
}

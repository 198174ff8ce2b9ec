export interface SummaryItem {
  id: string;
  label: string;
  value: React.ReactNode;
}

/** The facts of an object at a glance. */
export function SummaryGrid({ items }: { items: SummaryItem[] }) {
  return (
    <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
      {items.map((i) => (
        <div key={i.id}>
          <dt className="text-xs tracking-wide text-slate-500 uppercase">{i.label}</dt>
          <dd data-column={i.id}>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The top of every detail page: name, status, the one-line "what it waits for", actions. */
export function DetailHeader({
  title,
  badge,
  summary,
  summaryTestId,
  actions,
}: {
  title: string;
  badge?: React.ReactNode;
  summary?: React.ReactNode;
  summaryTestId?: string;
  actions?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="flex items-center gap-3 text-2xl font-semibold">
          {title} {badge}
        </h1>
        {summary !== undefined && (
          <p
            className="mt-1 text-sm text-slate-600 dark:text-slate-300"
            data-testid={summaryTestId}
          >
            {summary}
          </p>
        )}
      </div>
      {actions && <div className="flex gap-2">{actions}</div>}
    </div>
  );
}

import Link from 'next/link';

/** A page that can't show its content (no permission, an outage) still says where it is. */
export function PageNotice({
  title,
  message,
  back,
  testId,
  tone = 'info',
}: {
  title: string;
  message: string;
  back?: { href: string; label: string };
  testId?: string;
  tone?: 'info' | 'error';
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p
        data-testid={testId}
        role={tone === 'error' ? 'alert' : undefined}
        className={
          tone === 'error'
            ? 'rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-200'
            : 'text-slate-600 dark:text-slate-300'
        }
      >
        {message}
      </p>
      {back && (
        <Link href={back.href} className="inline-block text-indigo-600 dark:text-indigo-400">
          {back.label}
        </Link>
      )}
    </div>
  );
}

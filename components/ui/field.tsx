import { useId } from 'react';

/** A labelled input with its error announced to screen readers. */
export function Field({
  label,
  error,
  hint,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  return (
    <label className="block text-sm" htmlFor={id}>
      <span className="font-medium">{label}</span>
      <input
        id={id}
        {...props}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 w-full rounded-md border bg-white px-3 py-1.5 dark:bg-slate-950 ${error ? 'border-red-500' : 'border-slate-300 dark:border-slate-700'}`}
      />
      {hint && !error && <span className="mt-1 block text-xs text-slate-500">{hint}</span>}
      <span id={`${id}-error`} aria-live="polite" className="mt-1 block text-xs text-red-600">
        {error}
      </span>
    </label>
  );
}

export function SelectField({
  label,
  error,
  children,
  ...props
}: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string }) {
  const id = useId();
  return (
    <label className="block text-sm" htmlFor={id}>
      <span className="font-medium">{label}</span>
      <select
        id={id}
        {...props}
        aria-invalid={!!error}
        className={`mt-1 w-full rounded-md border bg-white px-3 py-1.5 dark:bg-slate-950 ${error ? 'border-red-500' : 'border-slate-300 dark:border-slate-700'}`}
      >
        {children}
      </select>
      <span aria-live="polite" className="mt-1 block text-xs text-red-600">
        {error}
      </span>
    </label>
  );
}

import { useId } from 'react';

const control = (error?: string) =>
  `mt-1 w-full rounded-md border bg-white px-3 py-1.5 dark:bg-slate-950 ${error ? 'border-red-500' : 'border-slate-300 dark:border-slate-700'}`;

/**
 * A form row: the label names the control, the hint and the error describe it (so the accessible
 * name stays "Name", not "Name Lowercase letters…"), and errors are announced as they appear.
 */
function Row({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="text-sm">
      <label className="font-medium" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && !error && (
        <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-500">
          {hint}
        </span>
      )}
      <span id={`${id}-error`} aria-live="polite" className="mt-1 block text-xs text-red-600">
        {error}
      </span>
    </div>
  );
}

/** What a control needs to be named, described and marked invalid by its row. */
function controlProps(id: string, error?: string, hint?: string) {
  return {
    id,
    'aria-invalid': !!error,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    className: control(error),
  };
}

export function Field({
  label,
  error,
  hint,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  return (
    <Row id={id} label={label} hint={hint} error={error}>
      <input {...props} {...controlProps(id, error, hint)} />
    </Row>
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
    <Row id={id} label={label} error={error}>
      <select {...props} {...controlProps(id, error)}>
        {children}
      </select>
    </Row>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  ...props
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <Row id={id} label={label} hint={hint} error={error}>
      <textarea {...props} {...controlProps(id, error, hint)} />
    </Row>
  );
}

export function CheckboxField({
  label,
  hint,
  ...props
}: React.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  const id = useId();
  return (
    <div className="text-sm">
      <label className="flex items-center gap-2 font-medium" htmlFor={id}>
        <input
          type="checkbox"
          id={id}
          {...props}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-500">
          {hint}
        </span>
      )}
    </div>
  );
}

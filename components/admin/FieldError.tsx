/** A field's error message, linked from its input with aria-describedby={`${name}-error`}. */
export function FieldError({ name, errors }: { name: string; errors?: Record<string, string> }) {
  const message = errors?.[name];
  if (!message) return null;
  return (
    <p id={`${name}-error`} className="field-error">
      {message}
    </p>
  );
}

export const describedBy = (name: string, errors?: Record<string, string>, extra?: string) =>
  [errors?.[name] ? `${name}-error` : null, extra].filter(Boolean).join(' ') || undefined;

/** aria-invalid and aria-describedby for a control whose error is keyed `name`. */
export const errorProps = (name: string, errors?: Record<string, string>, hint?: string) => ({
  'aria-invalid': errors?.[name] ? (true as const) : undefined,
  'aria-describedby': describedBy(name, errors, hint),
});

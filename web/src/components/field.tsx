import { useId, type ComponentPropsWithRef } from "react";

interface FieldProps extends Omit<ComponentPropsWithRef<"input">, "id"> {
  label: string;
  hint?: string;
  /** Shown under the input and announced with it when it gets focus. */
  error?: string | undefined;
}

/** A labelled text input with its hint and error wired for assistive technology. */
export function Field({ label, hint, error, className, ...inputProps }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

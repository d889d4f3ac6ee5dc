import { useId, type ComponentPropsWithRef, type ReactNode } from "react";

interface FieldWiring {
  label: string;
  hint?: string;
  /** Shown under the control and announced with it when it gets focus. */
  error?: string | undefined;
  className?: string | undefined;
}

/** The label, hint and error around one control, wired for assistive technology. */
function FieldFrame({
  label,
  hint,
  error,
  className,
  render,
}: FieldWiring & {
  render: (wiring: {
    id: string;
    "aria-invalid": true | undefined;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
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
      {render({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type FieldProps = FieldWiring & Omit<ComponentPropsWithRef<"input">, "id" | "className">;

/** A labelled text input with its hint and error wired for assistive technology. */
export function Field({ label, hint, error, className, ...inputProps }: FieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      render={(wiring) => <input {...wiring} {...inputProps} />}
    />
  );
}

type TextAreaFieldProps = FieldWiring & Omit<ComponentPropsWithRef<"textarea">, "id" | "className">;

/** A labelled textarea, wired like Field. */
export function TextAreaField({ label, hint, error, className, ...props }: TextAreaFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      render={(wiring) => <textarea {...wiring} {...props} />}
    />
  );
}

type SelectFieldProps = FieldWiring & Omit<ComponentPropsWithRef<"select">, "id" | "className">;

/** A labelled select, wired like Field. */
export function SelectField({ label, hint, error, className, ...props }: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      className={className}
      render={(wiring) => <select {...wiring} {...props} />}
    />
  );
}

import { useId, type ComponentPropsWithRef, type ReactNode } from "react";

interface FieldWiring {
  label: string;
  hint?: string;
  /** Shown under the control and announced with it when it gets focus. */
  error?: string | undefined;
  /**
   * The id of an error shown elsewhere (an alert below the form's other controls): while
   * it is given, the control is invalid and described by it too.
   */
  errorElsewhere?: string | undefined;
  className?: string | undefined;
}

interface ControlWiring {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** The ids and aria attributes that tie one control to its label, hint and errors. */
function useWiring({ hint, error, errorElsewhere }: FieldWiring) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hint && hintId, error && errorId, errorElsewhere].filter(Boolean).join(" ") || undefined;
  const control: ControlWiring = {
    id,
    "aria-invalid": error || errorElsewhere ? true : undefined,
    "aria-describedby": describedBy,
  };
  const hintText = hint && (
    <p id={hintId} className="field-hint">
      {hint}
    </p>
  );
  const errorText = error && (
    <p id={errorId} className="field-error">
      {error}
    </p>
  );
  return { control, hintText, errorText };
}

const classes = (...names: (string | undefined)[]) => names.filter(Boolean).join(" ");

/** The label, hint and error around one control, wired for assistive technology. */
function FieldFrame({
  render,
  ...wiring
}: FieldWiring & { render: (wiring: ControlWiring) => ReactNode }) {
  const { control, hintText, errorText } = useWiring(wiring);
  return (
    <div className={classes("field", wiring.className)}>
      <label htmlFor={control.id}>{wiring.label}</label>
      {hintText}
      {render(control)}
      {errorText}
    </div>
  );
}

type FieldProps = FieldWiring &
  Omit<ComponentPropsWithRef<"input">, "id" | "className"> & {
    /** The input's own class (`className` is the field's). */
    inputClassName?: string;
  };

/** A labelled text input with its hint and error wired for assistive technology. */
export function Field({
  label,
  hint,
  error,
  errorElsewhere,
  className,
  inputClassName,
  ...inputProps
}: FieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      errorElsewhere={errorElsewhere}
      className={className}
      render={(wiring) => <input {...wiring} className={inputClassName} {...inputProps} />}
    />
  );
}

type TextAreaFieldProps = FieldWiring & Omit<ComponentPropsWithRef<"textarea">, "id" | "className">;

/** A labelled textarea, wired like Field. */
export function TextAreaField({
  label,
  hint,
  error,
  errorElsewhere,
  className,
  ...props
}: TextAreaFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      errorElsewhere={errorElsewhere}
      className={className}
      render={(wiring) => <textarea {...wiring} {...props} />}
    />
  );
}

type SelectFieldProps = FieldWiring & Omit<ComponentPropsWithRef<"select">, "id" | "className">;

/** A labelled select, wired like Field. */
export function SelectField({
  label,
  hint,
  error,
  errorElsewhere,
  className,
  ...props
}: SelectFieldProps) {
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={error}
      errorElsewhere={errorElsewhere}
      className={className}
      render={(wiring) => <select {...wiring} {...props} />}
    />
  );
}

type CheckboxFieldProps = FieldWiring &
  Omit<ComponentPropsWithRef<"input">, "id" | "className" | "type">;

/** A checkbox before its label, its hint and error wired like Field's. */
export function CheckboxField({
  label,
  hint,
  error,
  errorElsewhere,
  className,
  ...inputProps
}: CheckboxFieldProps) {
  const { control, hintText, errorText } = useWiring({ label, hint, error, errorElsewhere });
  return (
    <div className={classes("checkbox-field", className)}>
      <input {...control} type="checkbox" {...inputProps} />
      <label htmlFor={control.id}>{label}</label>
      {hintText}
      {errorText}
    </div>
  );
}

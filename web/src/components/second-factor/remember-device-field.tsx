import { useId } from "react";
import { messages } from "@/lib/messages";

const text = messages.secondFactor;

interface RememberDeviceFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** "Remember this device for 30 days", with the warning read along with it. */
export function RememberDeviceField({ checked, onChange }: RememberDeviceFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hintId}
      />
      <label htmlFor={id}>{text.rememberDevice}</label>
      <p id={hintId} className="field-hint">
        {text.rememberDeviceHint}
      </p>
    </div>
  );
}

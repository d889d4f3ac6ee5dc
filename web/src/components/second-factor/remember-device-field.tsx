import { useId } from "react";
import { REMEMBER_DEVICE_MS, DAY_MS } from "@dash2fa/shared";
import { useT } from "@/lib/i18n";

const rememberDays = REMEMBER_DEVICE_MS / DAY_MS;

interface RememberDeviceFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** "Remember this device for 30 days", with the warning read along with it. */
export function RememberDeviceField({ checked, onChange }: RememberDeviceFieldProps) {
  const t = useT();
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
      <label htmlFor={id}>{t("secondFactor.rememberDevice", { count: rememberDays })}</label>
      <p id={hintId} className="field-hint">
        {t("secondFactor.rememberDeviceHint")}
      </p>
    </div>
  );
}

import { REMEMBER_DEVICE_MS, DAY_MS } from "@dash2fa/shared";
import { CheckboxField } from "@/components/field";
import { useT } from "@/lib/i18n";

const rememberDays = REMEMBER_DEVICE_MS / DAY_MS;

interface RememberDeviceFieldProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** "Remember this device for 30 days", with the warning read along with it. */
export function RememberDeviceField({ checked, onChange }: RememberDeviceFieldProps) {
  const t = useT();
  return (
    <CheckboxField
      label={t("secondFactor.rememberDevice", { count: rememberDays })}
      hint={t("secondFactor.rememberDeviceHint")}
      checked={checked}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

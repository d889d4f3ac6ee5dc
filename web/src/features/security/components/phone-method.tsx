import type { TwoFactorMethodStatus } from "@dash2fa/shared";
import { messages } from "@/lib/messages";
import { MethodRow } from "./method-row";

const text = messages.security;

interface PhoneMethodProps {
  status: TwoFactorMethodStatus | undefined;
  loading: boolean;
}

/** Text messages are not built yet: the row shows its status and says so. */
export function PhoneMethod({ status, loading }: PhoneMethodProps) {
  return (
    <MethodRow
      name={text.phoneMethod}
      status={status}
      loading={loading}
      action={
        status?.enabled || loading ? null : (
          <button type="button" className="button" disabled>
            {text.comingSoon}
          </button>
        )
      }
    />
  );
}

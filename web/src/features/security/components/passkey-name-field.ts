import { passkeyNameSchema, passkeyPolicy } from "@dash2fa/shared";
import { i18n } from "@/lib/i18n";

/**
 * The name field's refusal in the UI language, from the shared schema (the function
 * applies the same one); `undefined` when the name is fine.
 */
export function passkeyNameError(name: string): string | undefined {
  const parsed = passkeyNameSchema.safeParse(name);
  if (parsed.success) return undefined;
  return name.trim() === ""
    ? i18n.t("security.passkeys.nameRequired")
    : i18n.t("security.passkeys.nameTooLong", { count: passkeyPolicy.nameMaxLength });
}

import { useEffect, useRef, useState } from "react";
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

/**
 * The key-name field both passkey dialogs use: selected and focused on open, checked on
 * submit. `submitted()` returns the trimmed name, or `undefined` after showing the
 * refusal and returning focus to the field.
 */
export function usePasskeyNameField(initial: string | (() => string)) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    inputRef.current?.select();
    inputRef.current?.focus();
  }, []);

  const focus = () => inputRef.current?.focus();
  function submitted(): string | undefined {
    const problem = passkeyNameError(name);
    setError(problem);
    if (!problem) return name.trim();
    focus();
    return undefined;
  }
  return { inputRef, name, setName, error, focus, submitted };
}

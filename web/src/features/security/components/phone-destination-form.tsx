import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/mobile";
import { smsPolicy, verificationPolicy } from "@dash2fa/shared";
import { normalizePhone, type PhoneProblem } from "@dash2fa/shared/phone";
import { Field, SelectField } from "@/components/field";
import type { StepUp } from "@/components/second-step";
import { countryName } from "@/lib/country-names";
import { useT } from "@/lib/i18n";
import { DestinationFormActions } from "./destination-form-actions";
import { useEnrollSend, type EnrollChallenge } from "./use-enroll-send";

const allowedCountries = smsPolicy.allowedCountries as readonly CountryCode[];

interface PhoneFormValues {
  country: CountryCode;
  phone: string;
}

/**
 * The same normalisation and rules as the function: mobile numbers of allowed countries.
 * The error's message is the problem's name; the form words it in the active language.
 */
function validatePhone(raw: string, { country }: PhoneFormValues): true | PhoneProblem {
  const result = normalizePhone(raw, country);
  return result.ok ? true : result.problem;
}

const phoneProblems: readonly string[] = [
  "invalid",
  "not-mobile",
  "country-not-allowed",
] satisfies PhoneProblem[];

function isPhoneProblem(value: string | undefined): value is PhoneProblem {
  return value !== undefined && phoneProblems.includes(value);
}

interface PhoneDestinationFormProps {
  /** True when the method is on and this changes its number. */
  changing: boolean;
  withStepUp: StepUp["withStepUp"];
  onSent: (challenge: EnrollChallenge) => void;
  onCooldown: (destination: string) => boolean;
  onCancel: () => void;
}

export function PhoneDestinationForm({
  changing,
  withStepUp,
  onSent,
  onCooldown,
  onCancel,
}: PhoneDestinationFormProps) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const send = useEnrollSend({ changing, withStepUp, onSent, onCooldown, onError: setError });
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<PhoneFormValues>({
    defaultValues: { country: smsPolicy.defaultCountry, phone: "" },
  });

  useEffect(() => setFocus("phone"), [setFocus]);

  const onSubmit = handleSubmit(({ country, phone }) => {
    if (send.isPending) return;
    const normalized = normalizePhone(phone, country);
    if (!normalized.ok) return;
    setError(null);
    // E.164 built from the selector; the function checks it again with the same rules.
    send.mutate({ purpose: "enroll", method: "phone", destination: normalized.e164 });
  });

  const phoneProblem = errors.phone?.message;

  return (
    <form className="method-form stack" noValidate onSubmit={onSubmit}>
      <SelectField
        label={t("security.countryLabel")}
        autoComplete="country"
        {...register("country")}
      >
        {allowedCountries.map((country) => (
          <option key={country} value={country}>
            {t("security.countryOption", {
              // "Georgia (+995)" / "საქართველო (+995)": in the language of the page.
              country: countryName(country),
              callingCode: getCountryCallingCode(country),
            })}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("security.phoneNumberLabel")}
        hint={t("security.phoneNumberHint", {
          length: String(verificationPolicy.codeLength),
        })}
        type="tel"
        inputMode="tel"
        autoComplete="tel-national"
        spellCheck={false}
        error={
          errors.phone &&
          t(`security.phoneProblems.${isPhoneProblem(phoneProblem) ? phoneProblem : "invalid"}`)
        }
        {...register("phone", { validate: validatePhone })}
      />
      <DestinationFormActions
        error={error}
        errorKey={send.submittedAt}
        pending={send.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}

import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { getCountryCallingCode, type CountryCode } from "libphonenumber-js/mobile";
import { normalizePhone, smsPolicy } from "@dash2fa/shared";
import { Field, SelectField } from "@/components/field";
import type { StepUp } from "@/components/second-factor";
import { messages } from "@/lib/messages";
import { DestinationFormActions } from "./destination-form-actions";
import { useEnrollSend, type EnrollChallenge } from "./use-enroll-send";

const text = messages.security;

const allowedCountries = smsPolicy.allowedCountries as readonly CountryCode[];
const regionNames = new Intl.DisplayNames([messages.locale], { type: "region" });

/** "Georgia (+995)", in the language of the rest of the UI. */
const countryOptions = allowedCountries.map((country) => ({
  country,
  label: text.countryOption(regionNames.of(country) ?? country, getCountryCallingCode(country)),
}));

interface PhoneFormValues {
  country: CountryCode;
  phone: string;
}

/** The same normalisation and rules as the function: mobile numbers of allowed countries. */
function validatePhone(raw: string, { country }: PhoneFormValues): true | string {
  const result = normalizePhone(raw, country);
  return result.ok ? true : text.phoneProblems[result.problem];
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
  const [error, setError] = useState<string | null>(null);
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

  return (
    <form className="method-form stack" noValidate onSubmit={onSubmit}>
      <SelectField label={text.countryLabel} autoComplete="country" {...register("country")}>
        {countryOptions.map(({ country, label }) => (
          <option key={country} value={country}>
            {label}
          </option>
        ))}
      </SelectField>
      <Field
        label={text.phoneNumberLabel}
        hint={text.phoneNumberHint}
        type="tel"
        inputMode="tel"
        autoComplete="tel-national"
        spellCheck={false}
        error={errors.phone?.message}
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

import { useEffect, useId, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FirebaseError } from "firebase/app";
import { z } from "zod/mini";
import { changePasswordInputSchema, passwordLength, passwordPolicy } from "@dash2fa/shared";
import { Field } from "@/components/field";
import { isStepUpCancelled, type StepUp } from "@/components/second-step";
import { describeError } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { forgetRememberedDevice } from "@/lib/remembered-device";
import { upgradeSession, useSignedInUser } from "@/lib/session";
import { enabledMethods, useTwoFactorStatus } from "@/lib/two-factor-status";
import { invalidateSecurityQueries } from "../api/invalidate";
import { provePassword, type PasswordProof } from "../api/prove-password";
import { call, toRefusal } from "@/lib/firebase";

const newPasswordSchema = changePasswordInputSchema.shape.newPassword;
const MIN_PASSWORD_LENGTH = passwordLength.min;
const MAX_PASSWORD_LENGTH = passwordLength.max;

/** The current password is whatever it is: only Firebase decides whether it is right. */
const passwordFormSchema = z.object({
  currentPassword: z.string().check(z.minLength(1)),
  newPassword: newPasswordSchema,
});
type PasswordForm = z.infer<typeof passwordFormSchema>;

/**
 * A proof older than this is made again before the call: a step-up in between (reading
 * an emailed code) may take a while, and the server refuses proofs past their age.
 */
const PROOF_REUSE_MS = passwordPolicy.proofMaxAgeMs / 2;

/** Firebase's answers to a wrong password, and the server's (a proof it refused). */
function isWrongPassword(error: unknown): boolean {
  if (error instanceof FirebaseError) {
    if (error.code === "auth/invalid-credential" || error.code === "auth/wrong-password") {
      return true;
    }
  }
  return toRefusal(error)?.reason === "wrong-password";
}

function isThrottled(error: unknown): boolean {
  return error instanceof FirebaseError && error.code === "auth/too-many-requests";
}

interface ChangePasswordFormProps {
  email: string;
  /** Whether any second factor is on: then the change needs a recent verification. */
  twoFactorOn: boolean;
  withStepUp: StepUp["withStepUp"];
  /** The session is already re-issued when this is called. */
  onChanged: () => void;
  onCancel: () => void;
}

function ChangePasswordForm({
  email,
  twoFactorOn,
  withStepUp,
  onChanged,
  onCancel,
}: ChangePasswordFormProps) {
  const t = useT();
  const {
    register,
    handleSubmit,
    setFocus,
    setError,
    formState: { errors },
  } = useForm<PasswordForm>({
    resolver: zodResolver(passwordFormSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });

  useEffect(() => setFocus("currentPassword"), [setFocus]);

  const change = useMutation({
    mutationFn: async ({ currentPassword, newPassword }: PasswordForm) => {
      // Proved before any step-up, so a mistyped password is caught before the user is
      // asked for a code.
      let proof: PasswordProof = await provePassword(email, currentPassword);
      const result = await withStepUp(
        async () => {
          if (Date.now() - proof.provedAt > PROOF_REUSE_MS) {
            proof = await provePassword(email, currentPassword);
          }
          return call("changePassword", { passwordProof: proof.token, newPassword });
        },
        { askFirst: twoFactorOn },
      );
      // Every other session ended, and this one's refresh token with them: the re-issued
      // session must be in place before anything else talks to the backend.
      await upgradeSession(result.customToken);
    },
    onSuccess: onChanged,
    onError: (error) => {
      if (isWrongPassword(error)) {
        setError("currentPassword", { type: "wrong-password" }, { shouldFocus: true });
      }
    },
  });

  const currentError =
    errors.currentPassword &&
    (errors.currentPassword.type === "wrong-password"
      ? t("verify.wrongPassword")
      : t("security.password.currentRequired"));
  const newError =
    errors.newPassword &&
    (errors.newPassword.type === "too_big"
      ? t("auth.passwordTooLong", { count: MAX_PASSWORD_LENGTH })
      : t("auth.passwordTooShort", { count: MIN_PASSWORD_LENGTH }));
  const formError =
    change.isError && !isStepUpCancelled(change.error) && !isWrongPassword(change.error)
      ? isThrottled(change.error)
        ? t("auth.tooManyAttempts")
        : describeError(change.error)
      : null;

  return (
    <form
      className="method-form stack"
      noValidate
      onSubmit={handleSubmit((values) => {
        if (!change.isPending) change.mutate(values);
      })}
    >
      {/* Tells password managers which account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label={t("security.password.currentLabel")}
        type="password"
        autoComplete="current-password"
        error={currentError}
        {...register("currentPassword")}
      />
      <Field
        label={t("security.password.newLabel")}
        hint={t("security.password.newHint", { count: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        error={newError}
        {...register("newPassword")}
      />
      {formError && (
        <p key={change.submittedAt} role="alert" className="alert alert-error">
          {formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={change.isPending}>
          {t("security.password.submitButton")}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t("security.cancelButton")}
        </button>
      </div>
    </form>
  );
}

interface PasswordSectionProps {
  withStepUp: StepUp["withStepUp"];
}

/** Changing the password: proves the current one, then ends every other session. */
export function PasswordSection({ withStepUp }: PasswordSectionProps) {
  const t = useT();
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const status = useTwoFactorStatus(user.uid);
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [changedCount, setChangedCount] = useState(0);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocusRef = useRef(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (changedCount > 0) noticeRef.current?.focus();
  }, [changedCount]);

  // A cancelled form gives focus back to the button that opened it.
  useEffect(() => {
    if (!open && returnFocusRef.current) {
      returnFocusRef.current = false;
      openButtonRef.current?.focus();
    }
  }, [open]);

  // Unknown status asks nothing up front: the server still refuses without a recent
  // verification, and the step-up follows that refusal.
  const twoFactorOn = status.data ? enabledMethods(status.data).length > 0 : false;

  function handleChanged() {
    // The server forgot every remembered browser, this one too.
    forgetRememberedDevice(user.uid);
    void invalidateSecurityQueries(queryClient, user.uid);
    setOpen(false);
    setChangedCount((count) => count + 1);
  }

  function handleCancel() {
    returnFocusRef.current = true;
    setOpen(false);
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("security.password.title")}</h2>
      <p>{t("security.password.intro")}</p>
      {/* Shown and focused once the password changed, so it is announced (one status on
          the page at a time: the 2FA section has its own). */}
      {changedCount > 0 && (
        <p ref={noticeRef} role="status" tabIndex={-1} className="alert alert-success">
          <span key={changedCount}>{t("security.password.changed")}</span>
        </p>
      )}
      {open ? (
        <ChangePasswordForm
          email={user.email ?? ""}
          twoFactorOn={twoFactorOn}
          withStepUp={withStepUp}
          onChanged={handleChanged}
          onCancel={handleCancel}
        />
      ) : (
        <div className="actions">
          <button
            ref={openButtonRef}
            type="button"
            className="button"
            onClick={() => {
              setChangedCount(0);
              setOpen(true);
            }}
          >
            {t("security.password.changeButton")}
          </button>
        </div>
      )}
    </section>
  );
}

import {
  MINUTE_MS,
  passwordPolicy,
  product,
  verificationPolicy,
  type Locale,
} from "@dash2fa/shared";

/**
 * Every word the functions send to people, in each supported language. `ka` must have
 * exactly the shape of `en` (the type says so), and `outbound.test.ts` checks both render.
 */
const minutes = verificationPolicy.codeLifetimeMs / MINUTE_MS;
const listIn = (intlLocale: string) => {
  const format = new Intl.ListFormat(intlLocale, { type: "conjunction" });
  return (items: string[]) => format.format(items);
};
const resetMinutes = passwordPolicy.resetLinkLifetimeMs / MINUTE_MS;
const name = product.name;

const en = {
  /** The product's name in this language (headers, subjects, texts). */
  productName: name as string,
  methodNames: {
    email: "email",
    phone: "phone number (SMS)",
    totp: "authenticator app",
    passkey: "passkey or security key",
  },
  code: {
    subject: `Your ${name} verification code`,
    intro: (code: string) => `Your ${name} verification code is ${code}.`,
    expiry: `It expires in ${minutes} minutes. Never share it with anyone.`,
    sms: (code: string) => `${code} is your ${name} verification code.`,
  },
  wasntYou: "Wasn't you? Someone may know your password: change it and review your Security page.",
  securityPage: (url: string) => `Your Security page: ${url}`,
  when: (at: string) => `When: ${at}.`,
  recoveryCodesLeft: (n: number) => `${n} of your recovery codes are left.`,
  lockedUntilRecovery: "Use one of your recovery codes to unlock it.",
  lockedForAWhile: "It unlocks by itself after a while.",
  reset: {
    subject: `Reset your ${name} password`,
    intro: `Someone asked to reset the password of your ${name} account. To choose a new password, open this link:`,
    expiry: `The link works once, for ${resetMinutes} minutes.`,
    ignore: "If you didn't ask for this, ignore this email: your password stays as it is.",
  },
  passwordNoticeDetail: "Every other session was signed out and remembered devices were forgotten.",
  oldRecoveryCodesVoid:
    "The codes you had before no longer work. Save the new ones somewhere safe, such as a password manager.",
  /** "a, b and c", in this language. */
  list: listIn("en-GB"),
  /** The body of `method-removed`: the method gone, and what still protects the account. */
  methodRemoved: (method: string, stillOn: string) =>
    `Two-factor authentication by ${method} was removed from your ${name} account. Your account is still protected: two-factor authentication stays on with your ${stillOn}.`,
  notices: {
    "password-changed": {
      subject: "Your password was changed",
      body: (detail: string) => `The password of your ${name} account was changed. ${detail}`,
    },
    "password-reset": {
      subject: "Your password was reset",
      body: (detail: string) =>
        `The password of your ${name} account was reset through a link sent by email. ${detail}`,
    },
    "method-enabled": {
      subject: "Two-factor authentication was turned on",
      body: (method: string) =>
        `Two-factor authentication by ${method} was turned on for your ${name} account. Signing in now asks for a second step after your password.`,
    },
    "method-added": {
      subject: "A two-factor method was added",
      body: (method: string) =>
        `Two-factor authentication by ${method} was added to your ${name} account. It can now be used for the second step when you sign in.`,
    },
    "method-disabled": {
      subject: "Two-factor authentication was turned off",
      body: (method: string) =>
        `Two-factor authentication by ${method} was turned off for your ${name} account. It was your only method, so your account is no longer protected by two-factor authentication: signing in asks only for your password, and your recovery codes no longer work.`,
    },
    "method-removed": {
      subject: "A two-factor method was removed",
      /** `detail` is the whole sentence, from `methodRemoved`. */
      body: (detail: string) => detail,
    },
    "destination-changed": {
      subject: "Your two-factor authentication details changed",
      body: (method: string) =>
        `The ${method} used for two-factor authentication on your ${name} account was changed.`,
    },
    "passkey-added": {
      subject: "A passkey was added",
      body: (keyName: string) =>
        `The passkey or security key "${keyName}" was added to your ${name} account.`,
    },
    "passkey-removed": {
      subject: "A passkey was removed",
      body: (keyName: string) =>
        `The passkey or security key "${keyName}" was removed from your ${name} account.`,
    },
    "recovery-code-used": {
      subject: "A recovery code was used",
      body: (detail: string) =>
        `A recovery code was used to verify your ${name} account. ${detail}`,
    },
    "recovery-codes-regenerated": {
      subject: "New recovery codes were generated",
      body: (detail: string) =>
        `New recovery codes were generated for your ${name} account. ${detail}`,
    },
    "locked-out": {
      subject: "Verification locked after wrong codes",
      body: (detail: string) =>
        `Too many wrong verification codes were entered for your ${name} account, so verification is locked. ${detail}`,
    },
  },
};

export type Texts = typeof en;

const ka: Texts = {
  // The web app's `app.productName`: a plain word, so translated like any other.
  productName: "მართვის პანელი",
  methodNames: {
    email: "ელფოსტით",
    phone: "ტელეფონის ნომრით (SMS)",
    totp: "ავტორიზაციის აპლიკაციით",
    passkey: "წვდომის გასაღებით (passkey) ან უსაფრთხოების გასაღებით",
  },
  code: {
    subject: "მართვის პანელი — დამადასტურებელი კოდი",
    intro: (code: string) => `მართვის პანელის დამადასტურებელი კოდია ${code}.`,
    expiry: `კოდი მოქმედებს ${minutes} წუთის განმავლობაში. არავის გაუზიაროთ.`,
    sms: (code: string) => `მართვის პანელის კოდი: ${code}`,
  },
  wasntYou:
    "ეს თქვენ არ იყავით? შესაძლოა ვინმემ იცოდეს თქვენი პაროლი: შეცვალეთ ის და გადახედეთ უსაფრთხოების გვერდს.",
  securityPage: (url: string) => `უსაფრთხოების გვერდი: ${url}`,
  when: (at: string) => `დრო: ${at}.`,
  recoveryCodesLeft: (n: number) => `დარჩენილია ${n} აღდგენის კოდი.`,
  lockedUntilRecovery: "განსაბლოკად გამოიყენეთ ერთ-ერთი აღდგენის კოდი.",
  lockedForAWhile: "დაბლოკვა გარკვეული დროის შემდეგ თავისთავად მოიხსნება.",
  reset: {
    subject: "მართვის პანელი — პაროლის აღდგენა",
    intro: `მოთხოვნილია მართვის პანელში თქვენი ანგარიშის პაროლის აღდგენა. ახალი პაროლის ასარჩევად გახსენით ეს ბმული:`,
    expiry: `ბმული ერთჯერადია და ${resetMinutes} წუთის განმავლობაში მოქმედებს.`,
    ignore: "თუ ეს თქვენ არ მოგითხოვიათ, ყურადღება არ მიაქციოთ ამ წერილს: პაროლი არ შეიცვლება.",
  },
  passwordNoticeDetail: "ყველა სხვა სესია დასრულდა, დამახსოვრებული მოწყობილობები კი წაიშალა.",
  oldRecoveryCodesVoid:
    "აქამდე არსებული კოდები აღარ მოქმედებს. ახალი კოდები შეინახეთ უსაფრთხო ადგილას, მაგალითად, პაროლების მენეჯერში.",
  list: listIn("ka-GE"),
  methodRemoved: (method: string, stillOn: string) =>
    `მართვის პანელში თქვენი ანგარიშიდან წაიშალა ორმაგი ავტორიზაცია ${method}. ანგარიში კვლავ დაცულია: ორმაგი ავტორიზაცია ჩართული რჩება ${stillOn}.`,
  notices: {
    "password-changed": {
      subject: "თქვენი პაროლი შეიცვალა",
      body: (detail: string) => `მართვის პანელში თქვენი ანგარიშის პაროლი შეიცვალა. ${detail}`,
    },
    "password-reset": {
      subject: "თქვენი პაროლი აღდგა",
      body: (detail: string) =>
        `მართვის პანელში თქვენი ანგარიშის პაროლი აღდგა ელფოსტით გამოგზავნილი ბმულით. ${detail}`,
    },
    "method-enabled": {
      subject: "ორმაგი ავტორიზაცია ჩაირთო",
      body: (method: string) =>
        `მართვის პანელში თქვენს ანგარიშზე ჩაირთო ორმაგი ავტორიზაცია ${method}. შესვლისას პაროლის შემდეგ ახლა მეორე ნაბიჯიც მოითხოვება.`,
    },
    "method-added": {
      subject: "დაემატა ორმაგი ავტორიზაციის მეთოდი",
      body: (method: string) =>
        `მართვის პანელში თქვენს ანგარიშს დაემატა ორმაგი ავტორიზაცია ${method}. შესვლისას მეორე ნაბიჯისთვის ახლა ესეც შეგიძლიათ გამოიყენოთ.`,
    },
    "method-disabled": {
      subject: "ორმაგი ავტორიზაცია გამოირთო",
      body: (method: string) =>
        `მართვის პანელში თქვენს ანგარიშზე გამოირთო ორმაგი ავტორიზაცია ${method}. ეს თქვენი ერთადერთი მეთოდი იყო, ამიტომ ანგარიში ორმაგი ავტორიზაციით აღარ არის დაცული: შესვლისას მხოლოდ პაროლი მოითხოვება, აღდგენის კოდები კი აღარ მოქმედებს.`,
    },
    "method-removed": {
      subject: "ორმაგი ავტორიზაციის მეთოდი წაიშალა",
      body: (detail: string) => detail,
    },
    "destination-changed": {
      subject: "ორმაგი ავტორიზაციის მონაცემები შეიცვალა",
      body: (method: string) =>
        `მართვის პანელში თქვენს ანგარიშზე შეიცვალა ორმაგი ავტორიზაციის მონაცემები (${method}).`,
    },
    "passkey-added": {
      subject: "დაემატა წვდომის გასაღები",
      body: (keyName: string) =>
        `მართვის პანელში თქვენს ანგარიშს დაემატა წვდომის ან უსაფრთხოების გასაღები „${keyName}“.`,
    },
    "passkey-removed": {
      subject: "წაიშალა წვდომის გასაღები",
      body: (keyName: string) =>
        `მართვის პანელში თქვენი ანგარიშიდან წაიშალა წვდომის ან უსაფრთხოების გასაღები „${keyName}“.`,
    },
    "recovery-code-used": {
      subject: "გამოყენებულია აღდგენის კოდი",
      body: (detail: string) =>
        `მართვის პანელში თქვენი ანგარიშის დასადასტურებლად გამოყენებულია აღდგენის კოდი. ${detail}`,
    },
    "recovery-codes-regenerated": {
      subject: "შეიქმნა ახალი აღდგენის კოდები",
      body: (detail: string) =>
        `მართვის პანელში თქვენი ანგარიშისთვის შეიქმნა ახალი აღდგენის კოდები. ${detail}`,
    },
    "locked-out": {
      subject: "დადასტურება დაიბლოკა",
      body: (detail: string) =>
        `მართვის პანელში თქვენს ანგარიშზე შეყვანილია ძალიან ბევრი არასწორი კოდი, ამიტომ დადასტურება დაიბლოკა. ${detail}`,
    },
  },
};

export const texts: Record<Locale, Texts> = { en, ka };

const georgianDate = new Intl.DateTimeFormat("ka-GE", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/**
 * When something happened, in UTC (an email cannot know the reader's time zone):
 * "29 November 2026 at 09:05 UTC", and in Georgian "29 ნოემბერი 2026, 09:05 UTC", as the
 * web app writes dates (docs/GEORGIAN-GLOSSARY.md).
 */
export function formatWhen(at: number, locale: Locale): string {
  if (locale === "ka") {
    const parts = georgianDate.formatToParts(at);
    const part = (type: Intl.DateTimeFormatPartTypes) =>
      parts.find((p) => p.type === type)?.value ?? "";
    return `${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")} UTC`;
  }
  const formatted = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(at);
  return `${formatted} UTC`;
}

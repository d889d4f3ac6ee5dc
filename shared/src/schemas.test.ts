import { describe, expect, it } from "vitest";
import { maskEmail } from "./mask.js";
import {
  credentialsSchema,
  emailAddressSchema,
  removePasskeyInputSchema,
  revokeDeviceInputSchema,
  verificationCodeSchema,
  verifyCodeInputSchema,
} from "./schemas.js";
import { sendVerificationCodeInputSchema } from "./phone-schemas.js";

describe("verificationCodeSchema", () => {
  it("accepts six digits, with spaces or dashes as people paste them", () => {
    expect(verificationCodeSchema.parse("012345")).toBe("012345");
    expect(verificationCodeSchema.parse(" 012 345 ")).toBe("012345");
    expect(verificationCodeSchema.parse("012-345")).toBe("012345");
  });

  it.each(["", "12345", "1234567", "12a456", "١٢٣٤٥٦", "123 45", "0".repeat(40)])(
    "refuses %j",
    (code) => {
      expect(verificationCodeSchema.safeParse(code).success).toBe(false);
    },
  );
});

describe("emailAddressSchema", () => {
  it("trims and lower-cases", () => {
    expect(emailAddressSchema.parse("  Maria@Example.COM ")).toBe("maria@example.com");
  });

  it.each(["", "maria", "maria@", "@example.com", `${"a".repeat(250)}@example.com`])(
    "refuses %j",
    (email) => {
      expect(emailAddressSchema.safeParse(email).success).toBe(false);
    },
  );
});

describe("callable input schemas", () => {
  it("accept a well-formed send request", () => {
    expect(
      sendVerificationCodeInputSchema.parse({
        purpose: "enroll",
        method: "email",
        destination: "M@Example.com",
      }),
    ).toEqual({ purpose: "enroll", method: "email", destination: "m@example.com" });
  });

  it.each([
    null,
    "enroll",
    {},
    { purpose: "enroll", method: "email" },
    { purpose: "sign-in-as-admin", method: "email", destination: "m@example.com" },
    { purpose: "enroll", method: "fax", destination: "m@example.com" },
    { purpose: "enroll", method: "email", destination: "m@example.com", uid: "someone-else" },
  ])("refuse send request %j", (input) => {
    expect(sendVerificationCodeInputSchema.safeParse(input).success).toBe(false);
  });

  it("refuse a verify request with extra fields", () => {
    expect(
      verifyCodeInputSchema.safeParse({
        purpose: "enroll",
        method: "email",
        code: "123456",
        attemptsLeft: 99,
      }).success,
    ).toBe(false);
  });
});

describe("credentialsSchema", () => {
  it("requires a password of at least 8 characters", () => {
    expect(credentialsSchema.safeParse({ email: "a@b.co", password: "short" }).success).toBe(false);
    expect(credentialsSchema.safeParse({ email: "a@b.co", password: "long enough" }).success).toBe(
      true,
    );
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain", () => {
    expect(maskEmail("maria@example.com")).toBe("m•••@example.com");
    expect(maskEmail("m@example.com")).toBe("m•••@example.com");
  });

  it("reveals nothing of a malformed address", () => {
    expect(maskEmail("nobody")).toBe("•••");
  });
});

describe("passkey answers", () => {
  it("read null optional fields (how the callable protocol sends undefined) as absent", async () => {
    const { authenticationResponseSchema } = await import("./schemas.js");
    const parsed = authenticationResponseSchema.parse({
      id: "abc",
      rawId: "abc",
      type: "public-key",
      response: {
        clientDataJSON: "e30",
        authenticatorData: "AA",
        signature: "AA",
        userHandle: null,
      },
      authenticatorAttachment: null,
      clientExtensionResults: {},
    });
    expect(parsed.response.userHandle).toBeUndefined();
    expect(parsed.authenticatorAttachment).toBeUndefined();
  });
});

describe("ids that name documents", () => {
  it("refuse Firestore's reserved __…__ form, which once reached the database", () => {
    for (const deviceId of ["__defineGetter__", "__aaaaaaAaaaaa__"]) {
      expect(revokeDeviceInputSchema.safeParse({ deviceId }).success).toBe(false);
    }
    expect(revokeDeviceInputSchema.safeParse({ deviceId: "_defineGetter_xyz" }).success).toBe(true);
    const reservedKey = `__${"a".repeat(39)}__`;
    expect(removePasskeyInputSchema.safeParse({ passkeyId: reservedKey }).success).toBe(false);
    expect(removePasskeyInputSchema.safeParse({ passkeyId: "a".repeat(43) }).success).toBe(true);
  });
});

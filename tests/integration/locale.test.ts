import { doc, setDoc } from "firebase/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  sendAndReadCode,
  type TestUser,
} from "../support/clients.js";

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
});
afterEach(() => user.dispose());

const mailTo = async (address: string) =>
  (await adminDb().collection(collections.mail).where("to", "==", address).get()).docs.map(
    (d) => d.get("message") as { subject: string; text: string },
  );

describe("the user's language", () => {
  it("is used for the code and the notices once the user chose Georgian", async () => {
    await setDoc(doc(user.firestore, collections.users, user.uid), { locale: "ka" });
    const { code } = await sendAndReadCode(user);
    await user.verify({ purpose: "enroll", method: "email", code });
    const messages = await mailTo(user.email);
    const verification = messages.find((m) => m.subject.includes("დამადასტურებელი კოდი"));
    expect(verification?.text).toContain("10 წუთის");
    expect(messages.some((m) => m.subject.includes("ორმაგი ავტორიზაცია ჩაირთო"))).toBe(true);
  });

  it("is English by default", async () => {
    await enableEmail(user);
    const subjects = (await mailTo(user.email)).map((m) => m.subject);
    expect(subjects).toContain("Your Dashboard verification code");
    expect(subjects).toContain("Dashboard: Two-factor authentication was turned on");
  });
});

import { collections, localeSchema, type Locale, type UserProfileDoc } from "@dash2fa/shared";

// `users/{uid}` holds the user's preferences; the functions read `locale` to write emails
// and texts in the user's language. The rules let the owner read it, and write exactly
// `{ locale }` once past the second step (before it, a write is refused and the language
// stays this browser's choice).

/** The language saved for the account, if any (and if it is one the app speaks). */
export async function getProfileLocale(uid: string): Promise<Locale | undefined> {
  const { db, doc, getDoc } = await import("@/lib/firestore");
  const snapshot = await getDoc(doc(db, collections.users, uid));
  const parsed = localeSchema.safeParse(snapshot.data()?.locale);
  return parsed.success ? parsed.data : undefined;
}

/** Saves the account's language: the whole document, exactly as the rules accept it. */
export async function saveProfileLocale(uid: string, locale: Locale): Promise<void> {
  const profile: UserProfileDoc = { locale };
  const { db, doc, setDoc } = await import("@/lib/firestore");
  await setDoc(doc(db, collections.users, uid), profile, { merge: false });
}

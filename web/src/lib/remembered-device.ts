import { z } from "zod/mini";
import { rememberedDeviceInputSchema, type RememberedDeviceToken } from "@dash2fa/shared";

/**
 * The token that lets this browser skip the second step, one per account (several people
 * may share a browser). localStorage, because it must outlive the tab and the session;
 * the server stores only its hash and refuses it after 30 days or any 2FA or password
 * change.
 */
export function rememberedDeviceKey(uid: string): string {
  return `dash2fa.rememberedDevice.${uid}`;
}

const storedTokenSchema = z.extend(rememberedDeviceInputSchema, { expiresAt: z.number() });

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (privacy settings): the browser is simply never remembered.
    return undefined;
  }
}

function parseStored(uid: string): RememberedDeviceToken | null {
  const raw = storage()?.getItem(rememberedDeviceKey(uid));
  if (!raw) return null;
  try {
    const parsed = storedTokenSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The live token for this account on this browser, if any; a dead one is dropped. */
export function readRememberedDevice(uid: string, now = Date.now()): RememberedDeviceToken | null {
  const stored = parseStored(uid);
  if (stored && stored.expiresAt > now) return stored;
  forgetRememberedDevice(uid);
  return null;
}

/** Which remembered device this browser is, without changing anything (safe in render). */
export function rememberedDeviceId(uid: string): string | undefined {
  return parseStored(uid)?.deviceId;
}

export function saveRememberedDevice(uid: string, device: RememberedDeviceToken): void {
  try {
    storage()?.setItem(rememberedDeviceKey(uid), JSON.stringify(device));
  } catch {
    // Quota or privacy settings: the next sign-in asks for a code, nothing worse.
  }
}

export function forgetRememberedDevice(uid: string): void {
  try {
    storage()?.removeItem(rememberedDeviceKey(uid));
  } catch {
    // Nothing stored, or nothing we may touch.
  }
}

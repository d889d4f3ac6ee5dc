const BULLETS = "•••";

/** `maria@example.com` → `m•••@example.com`: enough to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return BULLETS;
  return `${email.slice(0, 1)}${BULLETS}${email.slice(at)}`;
}

// No app imports: tested on its own.

/**
 * A base32 secret as people copy it by hand: groups of four, separated by spaces
 * ("JBSW Y3DP EHPK 3PXP"). Authenticator apps ignore the spaces (and case), so the
 * grouped form can be typed as shown.
 */
export function groupSecret(secret: string, groupSize = 4): string {
  const bare = secret.replace(/[\s=-]/g, "").toUpperCase();
  if (bare === "") return "";
  return bare.match(new RegExp(`.{1,${groupSize}}`, "g"))?.join(" ") ?? bare;
}

/**
 * What `before-restart.ts` leaves for `after-restart.ts`: the exported emulator data and
 * the account, its recovery codes and the sign-in code still pending at the export.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const restartDir = join(import.meta.dirname, "..", "..", ".cache", "restart");
/** Emulator data, as `firebase emulators:exec --import` reads it. */
export const exportDir = join(restartDir, "emulator-data");
const stateFile = join(restartDir, "state.json");

export interface RestartState {
  uid: string;
  email: string;
  recoveryCodes: string[];
  /** Sent for the sign-in second step just before the export, never verified. */
  pendingSignInCode: string;
  exportedAt: number;
}

export const writeState = (state: RestartState) =>
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`);

export const readState = () => JSON.parse(readFileSync(stateFile, "utf8")) as RestartState;

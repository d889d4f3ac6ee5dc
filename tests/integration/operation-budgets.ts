/**
 * Firestore document reads and writes per flow: the exact budget each call is held to
 * (`operation-budget.test.ts`, run by `npm test`), and the design's theoretical minimum
 * (`docs/PERFORMANCE.md`), which `npm run bench` prints beside the counted numbers.
 *
 * The minimum assumes one per-user document holding the status, destinations,
 * preferences, lockout guard and per-user send counters, and one document for both
 * per-IP windows; the challenge, recovery code hashes, per-destination counter (enrolments
 * only: a code to a destination on file skips it), activity events and outbound messages
 * stay documents of their own, and so does each session (started by a sign-in or the first
 * enrolment, read by every call of a session that has one). A deliberate change to a
 * flow's Firestore work updates its budget here, in the same change.
 */
import type { Flow, FlowOperations } from "../support/operations.js";

export const operationBudgets = {
  "enroll email": {
    send: { reads: 8, writes: 5 },
    verify: { reads: 5, writes: 8 },
  },
  resend: {
    send: { reads: 8, writes: 5 },
  },
  "sign-in": {
    send: { reads: 7, writes: 4 },
    verify: { reads: 3, writes: 5 },
  },
  "step-up": {
    send: { reads: 8, writes: 4 },
    verify: { reads: 4, writes: 2 },
  },
  "sign-in with a recovery code": {
    useRecoveryCode: { reads: 5, writes: 6 },
  },
} satisfies FlowOperations;

export const designMinimum = {
  "enroll email": {
    send: { reads: 4, writes: 5 },
    verify: { reads: 2, writes: 6 },
  },
  resend: {
    send: { reads: 4, writes: 5 },
  },
  "sign-in": {
    send: { reads: 3, writes: 4 },
    verify: { reads: 2, writes: 4 },
  },
  "step-up": {
    send: { reads: 4, writes: 4 },
    verify: { reads: 3, writes: 1 },
  },
  "sign-in with a recovery code": {
    useRecoveryCode: { reads: 2, writes: 5 },
  },
} satisfies FlowOperations;

/** A flow's reads and writes over all of its calls. */
export function flowTotal(steps: Record<string, { reads: number; writes: number }>) {
  return Object.values(steps).reduce(
    (sum, step) => ({ reads: sum.reads + step.reads, writes: sum.writes + step.writes }),
    { reads: 0, writes: 0 },
  );
}

export const budgetedFlows = Object.keys(operationBudgets) as Flow[];

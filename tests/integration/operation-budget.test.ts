import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callCounted, countFlowOperations, type FlowOperations } from "../support/operations.js";
import { newUser, type TestUser } from "../support/clients.js";
import { budgetedFlows, operationBudgets } from "./operation-budgets.js";

// The emulator-only benchmark floor runs one transaction of `reads` gets and `writes` sets.
const floor = (user: TestUser, work: { reads: number; writes: number }) =>
  callCounted(user, "benchFloor", work);

describe("the operation counter", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await newUser();
  });
  afterAll(() => user.dispose());

  it("counts exactly the reads and writes of a call that makes a known number", async () => {
    expect((await floor(user, { reads: 3, writes: 2 })).operations).toEqual({
      reads: 3,
      writes: 2,
    });
  });

  it("gives concurrent calls each their own count", async () => {
    const work = [
      { reads: 1, writes: 4 },
      { reads: 6, writes: 0 },
      { reads: 2, writes: 2 },
    ];
    const results = await Promise.all(work.map((w) => floor(user, w)));
    expect(results.map((r) => r.operations)).toEqual(work);
  });
});

describe("Firestore operations per flow", () => {
  let counted: FlowOperations;
  beforeAll(async () => {
    counted = await countFlowOperations();
  }, 60_000);

  it.each(budgetedFlows)("%s stays exactly within its budget", (flow) => {
    expect(counted[flow]).toEqual(operationBudgets[flow]);
  });
});

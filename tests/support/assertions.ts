/** Assertions shared by the tests. */
import { expect } from "chai";

/** The error a promise rejects with; fails the test, saying what came instead, if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error as Error;
  }
  return expect.fail(`expected a rejection, got ${JSON.stringify(value)}`);
}

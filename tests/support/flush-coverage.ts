/**
 * A mocha root hook: under c8 (NODE_V8_COVERAGE set), each test file's worker writes its coverage
 * when the file is done. mocha's parallel workers are ended by a kill, so the coverage V8 writes
 * at a normal exit would otherwise be lost.
 */
import * as v8 from "node:v8";

export const mochaHooks = {
  afterAll(): void {
    if (process.env.NODE_V8_COVERAGE) v8.takeCoverage();
  },
};

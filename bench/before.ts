/**
 * The "before" figures of the shared rate pacing (the client's Throttle): the 1000-invitation run with PULUMI_SKIP_CHECKPOINTS=true as
 * the last committed bench measured it before the client's Throttle (commit 5e07590). They are
 * copied from that run's results.json (`git show a6bacf4:bench/results.json`) into
 * before-throttle.json, which says so in its `source`; that run did not time the steps, so there
 * is no "from the first step" figure before.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface BeforeFigures {
  source: string;
  date: string;
  loadSkippingCheckpoints: {
    count: number;
    ratePerSecond: number;
    parallel: number;
    maxConcurrency: number;
    wallMs: number;
    floorMs: number;
    ratioToFloor: number;
    rateLimited: number;
    failures: number;
    requests: number;
    byOperationAndStatus: Record<string, number>;
  };
}

export function beforeIssue11(): BeforeFigures {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "before-throttle.json"), "utf8")) as BeforeFigures;
}

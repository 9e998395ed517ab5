/**
 * 1000 invitations applied through the plugin against a fake that allows 50 requests/s and
 * answers the excess with 429 and `Retry-After: 1`: wall time against the floor (1000 requests
 * at 50/s = 20 s), failures, 429s, the plugin's peak memory. Then the naive provider (a closure
 * capturing got, no retry) on the same load, in a fresh plugin against a fresh fake. And the
 * harness's own share: 1000 no-op resources through the same harness with the same `parallel`.
 */
import type { Operation } from "../../tests/fake-qovery";
import type { Program } from "../../tests/harness";
import { harnessSupportsParallel, startBed, type Bed } from "../lib/bed";
import { installProbe } from "../lib/instrument";
import { watchPluginMemory } from "../lib/plugin-process";
import { naiveProgram, noopProgram } from "../lib/programs";
import { round, timed } from "../lib/stats";

export interface LoadSettings {
  count: number;
  ratePerSecond: number;
  /** Harness `parallel`: resource steps in flight (the CLI's --parallel). */
  parallel: number;
  /** Stack config qovery:maxConcurrency: the provider's requests in flight. */
  maxConcurrency: number;
}

export interface RequestTally {
  total: number;
  /** "<operation> <status>" → count. */
  byOperationAndStatus: Record<string, number>;
  /** Answered 429 by the fake's rate limiter. */
  rateLimited: number;
  /** Most requests in flight at the fake at once (when the fake reports it). */
  peakInFlight?: number;
}

export interface LoadResult extends LoadSettings {
  /** Whether the harness of this checkout honours `parallel` (else steps ran one at a time). */
  harnessParallel: boolean;
  wallMs: number;
  floorMs: number;
  ratioToFloor: number;
  /**
   * From the start of `up` to the first step reaching the plugin: the program constructing its
   * resources under the mock runtime and the harness receiving the first registration.
   */
  firstStepAfterMs: number;
  /** From the first step to the end of `up`, against the floor. */
  afterFirstStepRatioToFloor: number;
  /** Failed steps (0 is the target) and the first messages. */
  failures: number;
  failureMessages: string[];
  resourcesInState: number;
  /** Invitations at the fake: more than `count` would be duplicates. */
  invitationsAtFake: number;
  requests: RequestTally;
  /** Requests answered other than 429, per invitation. */
  answeredRequestsPerInvitation: number;
  plugin: { pid?: number; peakRssMiB: number };
  /** Time the harness spent writing its state file (one rewrite per step), summed. */
  harnessStateWritesMs: number;
}

export interface NaiveLoadResult {
  count: number;
  parallel: number;
  wallMs: number;
  /** Whether `up` failed (it stops starting steps after the first failure, like the CLI). */
  upFailed: boolean;
  /** Creates that failed: each 429 to the invite is one, since nothing retries it. */
  failedCreates: number;
  created: number;
  /** Never attempted: the up had stopped. */
  notAttempted: number;
  requests: RequestTally;
  firstError?: string;
}

export function startLoadBed(settings: LoadSettings, naive = false): Promise<Bed> {
  return startBed({
    fake: { rateLimitPerSecond: settings.ratePerSecond },
    parallel: settings.parallel,
    config: { "qovery:maxConcurrency": String(settings.maxConcurrency) },
    env: naive ? (fake) => ({ QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: fake.apiToken }) : undefined,
  });
}

function tally(bed: Bed): RequestTally {
  const byOperationAndStatus: Record<string, number> = {};
  for (const exchange of bed.fake.exchanges) {
    const key = `${exchange.operation} ${exchange.status}`;
    byOperationAndStatus[key] = (byOperationAndStatus[key] ?? 0) + 1;
  }
  const peak = (bed.fake as { peakInFlight?: number }).peakInFlight;
  return {
    total: bed.fake.exchanges.length,
    byOperationAndStatus,
    rateLimited: bed.fake.rateLimitedCount,
    ...(peak === undefined ? {} : { peakInFlight: peak }),
  };
}

/** The messages of a failed run: one per failed step (the harness groups them in `errors`). */
function messagesOf(error: unknown): string[] {
  if (!error) return [];
  const errors = (error as { errors?: unknown[] }).errors;
  const list = Array.isArray(errors) ? errors : [error];
  return list.map((e) => (e instanceof Error ? e.message : String(e)));
}

function countOf(bed: Bed, operation: Operation, status: number): number {
  return bed.fake.exchanges.filter((e) => e.operation === operation && e.status === status).length;
}

/** Prints how far a long run has got, every few seconds. */
function reportProgress(bed: Bed, progress: (line: string) => void, started: number): () => void {
  const timer = setInterval(() => {
    const invites = countOf(bed, "postInviteMember", 201);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    progress(`    ${seconds} s: ${invites} invitations sent, ${bed.fake.rateLimitedCount} answered 429`);
  }, 5000);
  timer.unref();
  return () => clearInterval(timer);
}

export async function applyInvitations(
  bed: Bed,
  program: Program,
  settings: LoadSettings,
  progress: (line: string) => void,
): Promise<LoadResult> {
  bed.fake.resetCounts();
  const probe = installProbe();
  const memory = watchPluginMemory();
  const stopProgress = reportProgress(bed, progress, performance.now());
  let error: unknown;
  let wallMs: number;
  const upStartedAt = performance.now();
  try {
    wallMs = (
      await timed(() =>
        bed.engine.up(program).catch((e: unknown) => {
          error = e;
        }),
      )
    ).ms;
  } finally {
    stopProgress();
    probe.uninstall();
  }
  const plugin = memory.stop();
  const floorMs = (settings.count / settings.ratePerSecond) * 1000;
  const requests = tally(bed);
  const failureMessages = messagesOf(error);
  const firstStepAfterMs = Math.min(...probe.steps.check.map((r) => r.startedAt)) - upStartedAt;
  return {
    ...settings,
    harnessParallel: harnessSupportsParallel(),
    wallMs: round(wallMs),
    floorMs,
    ratioToFloor: round(wallMs / floorMs, 3),
    firstStepAfterMs: round(firstStepAfterMs),
    afterFirstStepRatioToFloor: round((wallMs - firstStepAfterMs) / floorMs, 3),
    failures: failureMessages.length,
    failureMessages: failureMessages.slice(0, 3),
    resourcesInState: bed.engine.readState().checkpoint.latest.resources.filter((r) => r.type.endsWith(":OrganizationInvitation")).length,
    invitationsAtFake: bed.fake.invitations().length,
    requests,
    answeredRequestsPerInvitation: round((requests.total - requests.rateLimited) / settings.count, 4),
    plugin: { pid: plugin.pid, peakRssMiB: round(plugin.peakRssMiB, 1) },
    harnessStateWritesMs: round(probe.saves.reduce((a, b) => a + b, 0)),
  };
}

export async function applyNaive(bed: Bed, names: readonly string[], settings: LoadSettings): Promise<NaiveLoadResult> {
  const program = naiveProgram(bed.fake.organizationId, bed.fake.roleId("viewer"), names);
  bed.fake.resetCounts();
  let error: unknown;
  const { ms } = await timed(() =>
    bed.engine.up(program).catch((e: unknown) => {
      error = e;
    }),
  );
  const created = bed.engine.readState().checkpoint.latest.resources.filter((r) => r.type.endsWith("naive:Invitation")).length;
  const failedCreates = countOf(bed, "postInviteMember", 429);
  return {
    count: names.length,
    parallel: settings.parallel,
    wallMs: round(ms),
    upFailed: error !== undefined,
    failedCreates,
    created,
    notAttempted: names.length - created - failedCreates,
    requests: tally(bed),
    firstError: messagesOf(error)[0]?.split("\n")[0],
  };
}

export interface HarnessBaselineResult {
  count: number;
  parallel: number;
  previewMs: number;
  upMs: number;
  /** From the start of `up` to the first step reaching the plugin. */
  firstStepAfterMs: number;
  harnessStateWritesMs: number;
  /** Peak RSS of a plugin that never loads this package's provider. */
  plugin: { peakRssMiB: number };
}

/** 1000 no-op resources, preview then up: what the harness and the plugin cost without any provider work. */
export async function applyNoops(count: number, parallel: number): Promise<HarnessBaselineResult> {
  const bed = await startBed({ parallel });
  const probe = installProbe();
  const memory = watchPluginMemory();
  try {
    const program = noopProgram(Array.from({ length: count }, (_, i) => ({ name: `noop-${i}`, option: "a" })));
    const preview = await timed(() => bed.engine.preview(program));
    probe.reset();
    const upStartedAt = performance.now();
    const up = await timed(() => bed.engine.up(program));
    return {
      count,
      parallel,
      previewMs: round(preview.ms),
      upMs: round(up.ms),
      firstStepAfterMs: round(Math.min(...probe.steps.check.map((r) => r.startedAt)) - upStartedAt),
      harnessStateWritesMs: round(probe.saves.reduce((a, b) => a + b, 0)),
      plugin: { peakRssMiB: round(memory.stop().peakRssMiB, 1) },
    };
  } finally {
    memory.stop();
    probe.uninstall();
    await bed.close();
  }
}

/**
 * The benchmark's scenarios through the real Pulumi CLI (tests/support/pulumi-cli.ts): each runs
 * `pulumi preview`/`up`/`destroy` on a program directory with the packed package, against a
 * fresh local Qovery fake, and reads its figures at the fake (calls, 429s, invitations), in the
 * CLI's own output (the time of each step) and in its engine events (when the first step started
 * and the last ended, lib/step-clock.ts).
 */
import type { Operation } from "../../tests/fake-qovery";
import type { Program } from "../../tests/support/pulumi-cli";
import { resourcesInState, startCliBed, type CliBed } from "../lib/cli-bed";
import { byOperation, mutatingCalls, tally } from "../lib/exchanges";
import { invitationProgram, naiveProgram, people } from "../lib/programs";
import type { StepClock } from "../lib/step-clock";
import { median, round, timed } from "../lib/stats";

export interface CliLoadSettings {
  count: number;
  ratePerSecond: number;
  /** The CLI's `--parallel`. */
  parallel: number;
  /** Stack config qovery:maxConcurrency. */
  maxConcurrency: number;
  /**
   * PULUMI_SKIP_CHECKPOINTS=true: the CLI writes the state once at the end instead of after every
   * step (a local file backend rewrites the whole checkpoint each time, which dominates at 1000).
   */
  skipCheckpoints: boolean;
  /** Previews of the same program before and after the up. */
  withPreviews: boolean;
}

export interface CliPreview {
  label: string;
  apiCalls: number;
  operations: Partial<Record<Operation | "unknown", number>>;
  /** Requests other than GETs. */
  mutatingCalls: number;
  wallMs: number;
}

export interface CliLoadResult extends CliLoadSettings {
  wallMs: number;
  floorMs: number;
  ratioToFloor: number;
  /** From the up's start to the first resource step's start (engine events): the program's start-up. */
  firstStepAfterMs?: number;
  /** From the first resource step's start to the last one's end (engine events). */
  stepSpanMs?: number;
  stepSpanRatioToFloor?: number;
  rateLimited: number;
  /** Failed steps: the run's error, if any, and the invitations missing from the state. */
  failures: number;
  firstError?: string;
  resourcesInState: number;
  invitationsAtFake: number;
  requests: number;
  /** "<operation> <status>" → count, over the up. */
  byOperationAndStatus: Record<string, number>;
  /** Requests answered other than 429, per invitation: one invite each, plus the per-process lookups. */
  answeredRequestsPerInvitation: number;
  previews: CliPreview[];
}

export interface CliNaiveResult {
  count: number;
  parallel: number;
  skipCheckpoints: boolean;
  wallMs: number;
  upFailed: boolean;
  /** Invites answered 429: nothing retries them, so each is a failed create. */
  failedCreates: number;
  created: number;
  notAttempted: number;
  firstError?: string;
}

export interface CliStepTimes {
  latencyMs: number;
  count: number;
  /** Median of a plain HTTP GET to the fake, from this process. */
  rawGetMs: number;
  /** Medians of the step durations the CLI prints (`created (0.06s)`), per operation. */
  createMs: number;
  deleteMs: number;
  /** Wall time of the whole `pulumi up` / `pulumi destroy` of `count` resources, one step at a time. */
  upWallMs: number;
  destroyWallMs: number;
}

const checkpointEnv = (settings: CliLoadSettings): Record<string, string> =>
  settings.skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {};

const invitationsInState = (bed: CliBed, typeSuffix: string) => resourcesInState(bed.engine, typeSuffix).length;

async function previewFigures(bed: CliBed, program: Program, label: string): Promise<CliPreview> {
  bed.fake.resetCounts();
  const { ms } = await timed(() => bed.engine.preview(program));
  return {
    label,
    apiCalls: bed.fake.callCount(),
    operations: byOperation(bed.fake),
    mutatingCalls: mutatingCalls(bed.fake),
    wallMs: round(ms),
  };
}

/** `count` invitations against a fake that allows `ratePerSecond` requests, answering the rest 429 with Retry-After: 1. */
export async function cliLoad(settings: CliLoadSettings, clock: StepClock, progress: (line: string) => void): Promise<CliLoadResult> {
  const bed = await startCliBed({
    fake: { rateLimitPerSecond: settings.ratePerSecond },
    config: { "qovery:maxConcurrency": String(settings.maxConcurrency) },
    parallel: settings.parallel,
    env: () => checkpointEnv(settings),
  });
  try {
    const program = invitationProgram(bed.fake.organizationId, people("person", settings.count));
    const previews: CliPreview[] = [];
    const preview = async (label: string) => {
      const figures = await previewFigures(bed, program, label);
      previews.push(figures);
      progress(`    preview, ${label}: ${figures.apiCalls} API calls, ${round(figures.wallMs / 1000, 1)} s`);
    };
    if (settings.withPreviews) await preview("new stack, every resource to create");
    bed.fake.resetCounts();
    let error: unknown;
    const { ms } = await timed(() => bed.engine.up(program).catch((e: unknown) => void (error = e)));
    const floorMs = (settings.count / settings.ratePerSecond) * 1000;
    const span = clock.last();
    const resourcesInState = invitationsInState(bed, ":OrganizationInvitation");
    const result: CliLoadResult = {
      ...settings,
      wallMs: round(ms),
      floorMs,
      ratioToFloor: round(ms / floorMs, 3),
      firstStepAfterMs: span && round(span.firstStepStartMs),
      stepSpanMs: span && round(span.spanMs),
      stepSpanRatioToFloor: span && round(span.spanMs / floorMs, 3),
      rateLimited: bed.fake.rateLimitedCount,
      failures: settings.count - resourcesInState,
      firstError: error === undefined ? undefined : String(error).split("\n").slice(0, 3).join(" "),
      resourcesInState,
      invitationsAtFake: bed.fake.invitations().length,
      requests: bed.fake.exchanges.length,
      byOperationAndStatus: tally(bed.fake),
      answeredRequestsPerInvitation: round((bed.fake.exchanges.length - bed.fake.rateLimitedCount) / settings.count, 4),
      previews,
    };
    progress(
      `    up: ${round(ms / 1000, 1)} s (${result.ratioToFloor}× floor; first step to last ${round((span?.spanMs ?? NaN) / 1000, 1)} s), ` +
        `${result.failures} failures, ${result.rateLimited} × 429`,
    );
    if (settings.withPreviews) await preview("after the up, nothing changed");
    return result;
  } finally {
    await bed.close();
  }
}

/** The naive provider (bench/naive-provider.ts) on the same load. */
export async function cliNaive(settings: CliLoadSettings): Promise<CliNaiveResult> {
  const bed = await startCliBed({
    fake: { rateLimitPerSecond: settings.ratePerSecond },
    parallel: settings.parallel,
    // The naive provider reads both from its environment.
    env: (fake) => ({ QOVERY_API_URL: fake.url, QOVERY_API_TOKEN: fake.apiToken, ...checkpointEnv(settings) }),
  });
  try {
    const names = people("person", settings.count).map((p) => p.name);
    const program = naiveProgram(bed.fake.organizationId, bed.fake.roleId("viewer"), names);
    let error: unknown;
    const { ms } = await timed(() => bed.engine.up(program).catch((e: unknown) => void (error = e)));
    const created = invitationsInState(bed, "naive:Invitation");
    const failedCreates = bed.fake.exchanges.filter((e) => e.operation === "postInviteMember" && e.status === 429).length;
    return {
      count: settings.count,
      parallel: settings.parallel,
      skipCheckpoints: settings.skipCheckpoints,
      wallMs: round(ms),
      upFailed: error !== undefined,
      failedCreates,
      created,
      notAttempted: settings.count - created - failedCreates,
      firstError: error === undefined ? undefined : (String(error).match(/error: .*/)?.[0] ?? String(error).split("\n")[0]),
    };
  } finally {
    await bed.close();
  }
}

/** The durations the CLI prints for one operation's steps, e.g. ` created (0.06s)`, in ms. */
function stepDurations(output: string, verb: string): number[] {
  return [...output.matchAll(new RegExp(`OrganizationInvitation \\S+ ${verb} \\((\\d+(?:\\.\\d+)?)s\\)`, "g"))].map(
    (m) => Number(m[1]) * 1000,
  );
}

/** `count` invitations created, then destroyed, one step at a time, at a fake latency of `latencyMs`. */
export async function cliStepTimes(latencyMs: number, count: number): Promise<CliStepTimes> {
  const bed = await startCliBed({ fake: { latencyMs }, parallel: 1 });
  try {
    const raw: number[] = [];
    for (let i = 0; i < count; i++) {
      raw.push(
        (
          await timed(async () => {
            const response = await fetch(`${bed.fake.url}/organization/${bed.fake.organizationId}/availableRole`, {
              headers: { authorization: `Token ${bed.fake.apiToken}` },
            });
            await response.arrayBuffer();
          })
        ).ms,
      );
    }
    const program = invitationProgram(bed.fake.organizationId, people("step", count));
    const up = await timed(() => bed.engine.up(program));
    const destroy = await timed(() => bed.engine.destroy());
    return {
      latencyMs,
      count,
      rawGetMs: round(median(raw), 2),
      createMs: round(median(stepDurations(up.result.planText, "created")), 2),
      deleteMs: round(median(stepDurations(destroy.result.planText, "deleted")), 2),
      upWallMs: round(up.ms),
      destroyWallMs: round(destroy.ms),
    };
  } finally {
    await bed.close();
  }
}

/**
 * The benchmark's scenarios through the real Pulumi CLI (tests/support/pulumi-cli.ts): each runs
 * `pulumi preview`/`up`/`destroy` on a program directory with the packed package, against a
 * fresh local Qovery fake, and reads its figures at the fake (calls, 429s, invitations) and in
 * the CLI's own output (the time of each step).
 */
import { startFakeQovery, type FakeQovery, type FakeQoveryOptions } from "../../tests/fake-qovery";
import { newProgramDir } from "../../tests/support/program-dir";
import { CliEngine, type Program } from "../../tests/support/pulumi-cli";
import { invitationProgram, naiveProgram, people } from "../lib/programs";
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
}

export interface CliPreview {
  label: string;
  apiCalls: number;
  wallMs: number;
}

export interface CliLoadResult extends CliLoadSettings {
  wallMs: number;
  floorMs: number;
  ratioToFloor: number;
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

interface CliBed {
  fake: FakeQovery;
  engine: CliEngine;
  close(): Promise<void>;
}

const checkpointEnv = (settings: CliLoadSettings): Record<string, string> =>
  settings.skipCheckpoints ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {};

async function startCliBed(options: {
  fake?: FakeQoveryOptions;
  config?: Record<string, string>;
  parallel?: number;
  env?: (fake: FakeQovery) => Record<string, string>;
}): Promise<CliBed> {
  const fake = await startFakeQovery(options.fake);
  const engine = new CliEngine({
    programDir: await newProgramDir(),
    config: { "qovery:apiUrl": fake.url, "qovery:apiToken": fake.apiToken, ...options.config },
    secretConfigKeys: ["qovery:apiToken"],
    parallel: options.parallel,
    env: options.env?.(fake),
  });
  return {
    fake,
    engine,
    async close() {
      await engine.close();
      await fake.close();
    },
  };
}

function tally(fake: FakeQovery): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const exchange of fake.exchanges)
    counts[`${exchange.operation} ${exchange.status}`] = (counts[`${exchange.operation} ${exchange.status}`] ?? 0) + 1;
  return counts;
}

const invitationsInState = (engine: CliEngine, typeSuffix: string) =>
  (engine.readState().checkpoint.latest?.resources ?? []).filter((r) => r.type.endsWith(typeSuffix)).length;

async function previewFigures(bed: CliBed, program: Program, label: string): Promise<CliPreview> {
  bed.fake.resetCounts();
  const { ms } = await timed(() => bed.engine.preview(program));
  return { label, apiCalls: bed.fake.callCount(), wallMs: round(ms) };
}

/** `count` invitations against a fake that allows `ratePerSecond` requests, answering the rest 429 with Retry-After: 1. */
export async function cliLoad(settings: CliLoadSettings, progress: (line: string) => void): Promise<CliLoadResult> {
  const bed = await startCliBed({
    fake: { rateLimitPerSecond: settings.ratePerSecond },
    config: { "qovery:maxConcurrency": String(settings.maxConcurrency) },
    parallel: settings.parallel,
    env: () => checkpointEnv(settings),
  });
  try {
    const program = invitationProgram(bed.fake.organizationId, people("person", settings.count));
    const previews = [await previewFigures(bed, program, "new stack, every resource to create")];
    progress(`    preview of ${settings.count} new: ${previews[0]!.apiCalls} API calls, ${round(previews[0]!.wallMs / 1000, 1)} s`);
    bed.fake.resetCounts();
    let error: unknown;
    const { ms } = await timed(() => bed.engine.up(program).catch((e: unknown) => void (error = e)));
    const floorMs = (settings.count / settings.ratePerSecond) * 1000;
    const resourcesInState = invitationsInState(bed.engine, ":OrganizationInvitation");
    const result: CliLoadResult = {
      ...settings,
      wallMs: round(ms),
      floorMs,
      ratioToFloor: round(ms / floorMs, 3),
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
    progress(`    up: ${round(ms / 1000, 1)} s (${result.ratioToFloor}× floor), ${result.failures} failures, ${result.rateLimited} × 429`);
    previews.push(await previewFigures(bed, program, "after the up, nothing changed"));
    progress(`    preview of ${settings.count} unchanged: ${previews[1]!.apiCalls} API calls, ${round(previews[1]!.wallMs / 1000, 1)} s`);
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
    const created = invitationsInState(bed.engine, "naive:Invitation");
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

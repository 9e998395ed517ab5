/**
 * Median time per lifecycle step through the real plugin, against a raw `got` request to the
 * same fake. A step's time is the gRPC call of the harness to the plugin (check, diff, create,
 * read, update, delete), measured around the call: it holds the gRPC hop, the plugin's
 * dispatch, the provider's code and its Qovery requests. The same steps of a no-op dynamic
 * resource, through the same harness and plugin, give the part that is not the provider's.
 * Whole harness operations (up, preview, refresh, destroy of one resource) are timed too: they
 * add the program run under the mock runtime and the state-file writes.
 *
 * Each repetition uses a fresh one-resource program (a new name and email), in one plugin
 * process, after warm-up repetitions (the first loads the provider module). Within a
 * repetition the invitation, the no-op resource, the in-process provider module and the raw
 * requests take turns, so that each samples the same conditions of the machine.
 */
import { got } from "got";
import { repositoryRoot } from "../../tests/support/installed-package";
import { startBed, type Bed } from "../lib/bed";
import { installProbe, type Probe, type StepCall, type StepRecord } from "../lib/instrument";
import { emailOf, invitationProgram, noopProgram, type InvitationSpec } from "../lib/programs";
import { sample, timed, type Sample } from "../lib/stats";

export interface LatencyRun {
  latencyMs: number;
  repetitions: number;
  /** Raw got requests to the same fake: GET of an invitation (the reference), POST of an invite. */
  raw: { get: Sample; post: Sample };
  /** OrganizationInvitation steps through the plugin, by label. */
  invitation: Record<string, Sample & { apiCalls: number }>;
  /** No-op resource steps through the plugin (gRPC hop + plugin + harness only). */
  noop: Record<string, Sample>;
  /** The installed provider module called in this process, without the plugin (a pending invitation). */
  providerModule: Record<string, Sample>;
  /** Whole harness operations of one resource. */
  operations: { invitation: Record<string, Sample>; noop: Record<string, Sample> };
}

/** A step's label, or a function of its record (e.g. to tell creates apart by their API calls). */
type Label = string | ((record: StepRecord) => string);

/**
 * A create makes one call once the role and member lists are cached; a member removal drops
 * the cached member list, so the next create fetches it again.
 */
const createLabel: Label = (record) => (record.apiCalls === 1 ? "create" : "create (member list fetched again)");

class Collector {
  readonly steps = new Map<string, { ms: number[]; calls: number[] }>();
  readonly operations = new Map<string, number[]>();

  constructor(private readonly probe: Probe) {}

  /** Times one harness operation, then files the steps it ran under their labels. */
  async run(operation: string, action: () => Promise<unknown>, labels: Partial<Record<StepCall, Label>>): Promise<void> {
    this.probe.reset();
    const { ms } = await timed(action);
    push(this.operations, operation, ms);
    for (const [method, labelOf] of Object.entries(labels) as [StepCall, Label][]) {
      for (const record of this.probe.steps[method]) {
        const label = typeof labelOf === "string" ? labelOf : labelOf(record);
        const entry = this.steps.get(label) ?? { ms: [], calls: [] };
        entry.ms.push(record.ms);
        entry.calls.push(record.apiCalls);
        this.steps.set(label, entry);
      }
    }
  }

  clear(): void {
    this.steps.clear();
    this.operations.clear();
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

async function invitationCycle(bed: Bed, c: Collector, i: number): Promise<void> {
  const org = bed.fake.organizationId;
  const pending: InvitationSpec = { name: `pending-${i}`, roleName: "viewer" };
  const one = (spec: InvitationSpec) => invitationProgram(org, [spec]);
  await c.run("up (1 create)", () => bed.engine.up(one(pending)), { check: "check", create: createLabel });
  await c.run("preview (no change)", () => bed.engine.preview(one(pending)), { check: "check", diff: "diff" });
  await c.run("refresh (1 read)", () => bed.engine.refresh(), { read: "read (pending invitation)" });
  await c.run("up (1 update)", () => bed.engine.up(one({ ...pending, onExpired: "reissue" })), {
    check: "check",
    diff: "diff",
    update: "update (onExpired, no API call)",
  });
  await c.run("destroy (1 delete)", () => bed.engine.destroy(), { delete: "delete (pending invitation)" });

  const member: InvitationSpec = { name: `member-${i}`, roleName: "viewer" };
  await c.run("up (1 create)", () => bed.engine.up(one(member)), { check: "check", create: createLabel });
  bed.fake.acceptInvitation(emailOf(member.name));
  await c.run("refresh (acceptance)", () => bed.engine.refresh(), { read: "read (at acceptance)" });
  await c.run("refresh (1 read)", () => bed.engine.refresh(), { read: "read (member)" });
  await c.run("up (member role change)", () => bed.engine.up(one({ ...member, roleName: "admin" })), {
    update: "update (member role, PUT)",
  });
  await c.run("destroy (member)", () => bed.engine.destroy(), { delete: "delete (member)" });
}

async function noopCycle(bed: Bed, c: Collector, i: number): Promise<void> {
  const name = `noop-${i}`;
  await c.run("up (1 create)", () => bed.engine.up(noopProgram([{ name, option: "a" }])), { check: "check", create: "create" });
  await c.run("preview (no change)", () => bed.engine.preview(noopProgram([{ name, option: "a" }])), { check: "check", diff: "diff" });
  await c.run("refresh (1 read)", () => bed.engine.refresh(), { read: "read" });
  await c.run("up (1 update)", () => bed.engine.up(noopProgram([{ name, option: "b" }])), {
    check: "check",
    diff: "diff",
    update: "update",
  });
  await c.run("destroy (1 delete)", () => bed.engine.destroy(), { delete: "delete" });
}

/** Raw `got` requests from this process to the same fake: the reference a step is compared to. */
class RawRequests {
  readonly gets: number[] = [];
  readonly posts: number[] = [];
  private invitationId = "";
  private sent = 0;

  constructor(private readonly bed: Bed) {}

  private get base() {
    return `${this.bed.fake.url}/organization/${this.bed.fake.organizationId}/inviteMember`;
  }

  private get headers() {
    return { authorization: `Token ${this.bed.fake.apiToken}` };
  }

  private post(): Promise<string> {
    const json = { email: `raw-${this.sent++}@example.com`, role_id: this.bed.fake.roleId("viewer") };
    return got.post(this.base, { headers: this.headers, json }).text();
  }

  /** One GET and one POST, timed (kept unless `keep` is false). */
  async sample(keep = true): Promise<void> {
    if (!this.invitationId) this.invitationId = (JSON.parse(await this.post()) as { id: string }).id;
    const get = await timed(() => got.get(`${this.base}/${this.invitationId}`, { headers: this.headers }).text());
    const post = await timed(() => this.post());
    if (keep) {
      this.gets.push(get.ms);
      this.posts.push(post.ms);
    }
  }
}

type ProviderModule = typeof import("../../provider");

/** The provider module the shim requires, called directly in this process: the provider's own share of a step. */
async function loadProviderModule(bed: Bed): Promise<ProviderModule> {
  const provider = require(require.resolve("pulumi-qovery-invitations/provider", { paths: [repositoryRoot] })) as ProviderModule;
  const config: Record<string, string> = { "qovery:apiUrl": bed.fake.url, "qovery:apiToken": bed.fake.apiToken };
  await provider.configure({ config: { get: (key: string) => config[key] } });
  return provider;
}

async function moduleCycle(provider: ProviderModule, bed: Bed, times: Map<string, number[]>, i: number): Promise<void> {
  const step = async <T>(label: string, action: () => Promise<T>): Promise<T> => {
    const { result, ms } = await timed(action);
    push(times, label, ms);
    return result;
  };
  const news = { organizationId: bed.fake.organizationId, email: emailOf(`module-${i}`), roleName: "viewer" };
  const { inputs } = await step("check", () => provider.check({}, news));
  const { id, outs } = await step("create", () => provider.create(inputs));
  const olds = outs as unknown as Record<string, unknown>;
  await step("diff", () => provider.diff(id, olds, inputs));
  await step("read (pending invitation)", () => provider.read(id, olds));
  await step("update (onExpired, no API call)", () => provider.update(id, olds, { ...inputs, onExpired: "reissue" }));
  await step("delete (pending invitation)", () => provider.delete(id, olds));
}

function summarize(map: Map<string, { ms: number[]; calls: number[] }>) {
  return Object.fromEntries(
    [...map].map(([label, { ms, calls }]) => [label, { ...sample(ms), apiCalls: calls.reduce((a, b) => a + b, 0) / calls.length }]),
  );
}

export async function measureStepLatency(options: {
  latencyMs: number;
  repetitions: number;
  warmup: number;
  progress: (line: string) => void;
}): Promise<LatencyRun> {
  const { latencyMs, repetitions, warmup } = options;
  const bed = await startBed({ fake: { latencyMs } });
  const probe = installProbe(() => bed.fake.callCount());
  try {
    const provider = await loadProviderModule(bed);
    const invitations = new Collector(probe);
    const noops = new Collector(probe);
    const moduleTimes = new Map<string, number[]>();
    const raw = new RawRequests(bed);
    // Every repetition runs each kind of measurement once, so that all of them sample the same
    // conditions of the machine; the warm-up repetitions are then dropped.
    const repetition = async (i: number, keep: boolean) => {
      await invitationCycle(bed, invitations, i);
      await noopCycle(bed, noops, i);
      await moduleCycle(provider, bed, moduleTimes, i);
      await raw.sample(keep);
    };
    for (let i = 0; i < warmup; i++) await repetition(-1 - i, false);
    invitations.clear();
    noops.clear();
    moduleTimes.clear();
    for (let i = 0; i < repetitions; i++) {
      await repetition(i, true);
      if ((i + 1) % 10 === 0) options.progress(`    ${i + 1} of ${repetitions} repetitions`);
    }

    const noopSteps = summarize(noops.steps);
    return {
      latencyMs,
      repetitions,
      raw: { get: sample(raw.gets), post: sample(raw.posts) },
      invitation: summarize(invitations.steps),
      noop: Object.fromEntries(Object.entries(noopSteps).map(([label, { apiCalls: _calls, ...rest }]) => [label, rest])),
      providerModule: Object.fromEntries([...moduleTimes].map(([label, ms]) => [label, sample(ms)])),
      operations: {
        invitation: Object.fromEntries([...invitations.operations].map(([op, ms]) => [op, sample(ms)])),
        noop: Object.fromEntries([...noops.operations].map(([op, ms]) => [op, sample(ms)])),
      },
    };
  } finally {
    probe.uninstall();
    await bed.close();
  }
}

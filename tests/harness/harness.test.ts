import { expect } from "chai";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Engine, StepFailures, type CheckpointResource, type HarnessOptions } from "./index";
import { Item, readWorld, writeWorld, type ItemArgs } from "./fixtures/item";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "./properties";

const programDir = path.resolve(__dirname, "../..");
const ITEM = "pulumi-nodejs:dynamic/harness:Item";

function workspace(): { dir: string; world: string; options: HarnessOptions; lines: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-"));
  const lines: string[] = [];
  return {
    dir,
    world: path.join(dir, "world.json"),
    lines,
    options: { programDir, stateFile: path.join(dir, "state.json"), log: (line) => lines.push(line) },
  };
}

function customResources(engine: Engine): CheckpointResource[] {
  return engine.readState().checkpoint.latest.resources.filter((r) => r.custom);
}

function byName(engine: Engine, name: string): CheckpointResource | undefined {
  return customResources(engine).find((r) => r.urn.endsWith(`::${name}`));
}

function secretPlaintext(value: unknown): unknown {
  expect(value).to.be.an("object").with.property(SIG_KEY, SECRET_SIG);
  return JSON.parse((value as { plaintext: string }).plaintext);
}

// Internal to Output (not in its typings): whether the value is known.
function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
  return (output as unknown as { isKnown: Promise<boolean> }).isKnown;
}

/** Child processes of this process running the dynamic-provider plugin. */
function pluginChildren(): string[] {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return out.split("\n").filter((line) => line.includes("dynamic-provider"));
}

describe("engine harness", function () {
  this.timeout(30000);

  describe("the lifecycle of a stack", () => {
    const ws = workspace();
    const engine = new Engine({
      ...ws.options,
      project: "harness",
      config: { "harness:greeting": "hello" },
      secretConfigKeys: ["harness:greeting"],
    });
    let aComputedKnown: boolean | undefined;
    let aSecretOutIsSecret: boolean | undefined;

    /** Item `a`, and `b` whose value is a's computed output. */
    function program(a: Partial<ItemArgs> = {}, withB = true) {
      return () => {
        const itemA = new Item("a", { world: ws.world, key: "a", value: "1", secret: pulumi.secret("shh"), ...a });
        void isKnown(itemA.computed).then((known) => (aComputedKnown = known));
        void pulumi.isSecret(itemA.secretOut).then((secret) => (aSecretOutIsSecret = secret));
        if (withB) new Item("b", { world: ws.world, key: "b", value: itemA.computed });
        return { computed: itemA.computed, secretOut: itemA.secretOut };
      };
    }

    after(async () => {
      await engine.close();
      fs.rmSync(ws.dir, { recursive: true, force: true });
    });

    it("preview runs Check and Diff only, and hands unknown outputs to dependent inputs", async () => {
      const result = await engine.preview(program());
      expect(result.steps.map((s) => [s.op, s.name])).to.deep.equal([
        ["create", "a"],
        ["create", "b"],
      ]);
      expect(result.summary).to.equal("Resources: 2 to create");
      expect(result.changes).to.equal(2);
      expect(aComputedKnown).to.equal(false);
      const world = readWorld(ws.world);
      expect(world.journal).to.deep.equal([]);
      expect(world.checks).to.deep.include({ key: "b", value: UNKNOWN });
      expect(result.outputs.computed).to.equal(UNKNOWN);
      expect(customResources(engine)).to.deep.equal([]);
    });

    it("up creates each resource through the plugin and stores it", async () => {
      const result = await engine.up(program());
      expect(result.steps.map((s) => [s.op, s.name])).to.deep.equal([
        ["create", "a"],
        ["create", "b"],
      ]);
      expect(result.summary).to.equal("Resources: 2 created");
      expect(result.planText).to.include(`+ create ${ITEM} a`);
      expect(ws.lines).to.include(`+ create ${ITEM} b`);
      expect(readWorld(ws.world).journal).to.deep.equal([
        { op: "create", id: "a-1", key: "a" },
        { op: "create", id: "b-2", key: "b" },
      ]);
      const a = byName(engine, "a")!;
      expect(a).to.include({ urn: `urn:pulumi:dev::harness::${ITEM}::a`, type: ITEM, id: "a-1", custom: true });
      expect(a.parent).to.equal("urn:pulumi:dev::harness::pulumi:pulumi:Stack::harness-dev");
      expect(a.inputs!.__provider).to.be.a("string").that.includes("exports.handler");
      expect(a.outputs!.greeting, "the plugin was configured with the stack config").to.equal("hello");
      expect(byName(engine, "b")!.inputs!.value).to.equal("computed:1");
      expect(result.outputs).to.deep.equal({ computed: "computed:1", secretOut: "s3cret-1" });
      expect(result.planText).to.include("secretOut: [secret]");
    });

    it("keeps secrets wrapped in the state file and secret in the program", async () => {
      const a = byName(engine, "a")!;
      expect(secretPlaintext(a.inputs!.secret)).to.equal("shh");
      expect(secretPlaintext(a.outputs!.secret), "an output whose input is secret").to.equal("shh");
      expect(secretPlaintext(a.outputs!.secretOut), "an additionalSecretOutputs output").to.equal("s3cret-1");
      expect(fs.readFileSync(ws.options.stateFile, "utf8")).not.to.match(/"s3cret-1"/);
      expect(aSecretOutIsSecret).to.equal(true);
      const stack = engine.readState().checkpoint.latest.resources.find((r) => r.type === "pulumi:pulumi:Stack")!;
      expect(secretPlaintext(stack.outputs!.secretOut)).to.equal("s3cret-1");
      expect(stack.outputs!.computed).to.equal("computed:1");
    });

    it("a second up without changes has only unchanged steps and calls no create", async () => {
      const before = readWorld(ws.world).journal.length;
      const result = await engine.up(program());
      expect(result.steps.map((s) => s.op)).to.deep.equal(["same", "same"]);
      expect(result.changes).to.equal(0);
      expect(result.summary).to.equal("Resources: 2 unchanged");
      expect(readWorld(ws.world).journal).to.have.length(before);
    });

    it("a changed input the diff calls an update updates in place", async () => {
      const preview = await engine.preview(program({ value: "2" }));
      expect(preview.steps.map((s) => [s.op, s.name, s.diffs])).to.deep.equal([
        ["update", "a", ["value"]],
        ["update", "b", ["value"]],
      ]);
      const result = await engine.up(program({ value: "2" }));
      expect(result.planText).to.include(`~ update ${ITEM} a [diff: ~value]`);
      expect(result.summary).to.equal("Resources: 2 updated");
      expect(readWorld(ws.world).journal.slice(-2)).to.deep.equal([
        { op: "update", id: "a-1", key: "a" },
        { op: "update", id: "b-2", key: "b" },
      ]);
      expect(byName(engine, "b")!.outputs!.value).to.equal("computed:2");
    });

    it("a replacement creates the new resource before deleting the old one by default", async () => {
      const result = await engine.up(program({ key: "a2", value: "2" }));
      expect(result.steps.map((s) => [s.op, s.name])).to.deep.equal([
        ["replace", "a"],
        ["same", "b"],
      ]);
      expect(result.steps[0]).to.include({ deleteBeforeReplace: false });
      expect(result.steps[0].diffs).to.deep.equal(["key"]);
      expect(result.summary).to.equal("Resources: 1 replaced, 1 unchanged");
      expect(readWorld(ws.world).journal.slice(-2)).to.deep.equal([
        { op: "create", id: "a2-3", key: "a2" },
        { op: "delete", id: "a-1", key: "a" },
      ]);
      expect(byName(engine, "a")).to.include({ id: "a2-3" });
      expect(customResources(engine).filter((r) => r.delete)).to.deep.equal([]);
    });

    it("a replacement whose diff asks deleteBeforeReplace deletes first", async () => {
      const result = await engine.up(program({ key: "a3", value: "2", dbr: true }));
      expect(result.steps[0]).to.include({ op: "replace", name: "a", deleteBeforeReplace: true });
      expect(result.planText).to.include(`+- replace ${ITEM} a [diff: +dbr~key] (delete before replace)`);
      expect(readWorld(ws.world).journal.slice(-2)).to.deep.equal([
        { op: "delete", id: "a2-3", key: "a2" },
        { op: "create", id: "a3-4", key: "a3" },
      ]);
    });

    it("deletes a resource the program no longer declares", async () => {
      const result = await engine.up(program({ key: "a3", value: "2", dbr: true }, false));
      expect(result.steps.map((s) => [s.op, s.name])).to.deep.equal([
        ["same", "a"],
        ["delete", "b"],
      ]);
      expect(result.planText).to.include(`- delete ${ITEM} b`);
      expect(readWorld(ws.world).journal.at(-1)).to.deep.equal({ op: "delete", id: "b-2", key: "b" });
      expect(byName(engine, "b")).to.equal(undefined);
    });

    it("refresh stores what Read returns", async () => {
      const world = readWorld(ws.world);
      world.resources["a3-4"].value = "drifted";
      writeWorld(ws.world, world);
      const result = await engine.refresh();
      expect(result.steps.map((s) => [s.op, s.name, s.diffs])).to.deep.equal([["refresh-update", "a", ["computed", "secretOut", "value"]]]);
      expect(result.summary).to.equal("Resources: 1 updated");
      const a = byName(engine, "a")!;
      expect(a.outputs!.value).to.equal("drifted");
      expect(secretPlaintext(a.outputs!.secretOut)).to.equal("s3cret-drifted");

      const again = await engine.refresh();
      expect(again.steps.map((s) => s.op)).to.deep.equal(["read-same"]);
      expect(again.changes).to.equal(0);
    });

    it("refresh drops a resource whose Read answers {}", async () => {
      const world = readWorld(ws.world);
      delete world.resources["a3-4"];
      writeWorld(ws.world, world);
      const result = await engine.refresh();
      expect(result.steps.map((s) => [s.op, s.name])).to.deep.equal([["refresh-delete", "a"]]);
      expect(customResources(engine)).to.deep.equal([]);
    });
  });

  describe("destroy and close", () => {
    const ws = workspace();
    const engine = new Engine(ws.options);
    after(async () => {
      await engine.close();
      fs.rmSync(ws.dir, { recursive: true, force: true });
    });

    it("destroy deletes every resource in reverse order of creation, one at a time by default", async () => {
      await engine.up(() => {
        for (const name of ["x", "y", "z"]) new Item(name, { world: ws.world, key: name, value: "1", sleepMs: 30 });
      });
      expect(
        readWorld(ws.world).journal.map((e) => e.key),
        "created in registration order",
      ).to.deep.equal(["x", "y", "z"]);
      const result = await engine.destroy();
      expect(readWorld(ws.world).peak, "one step at a time (parallel 1)").to.equal(1);
      expect(result.steps.map((s) => [s.op, s.name])).to.deep.equal([
        ["delete", "z"],
        ["delete", "y"],
        ["delete", "x"],
      ]);
      expect(result.summary).to.equal("Resources: 3 deleted");
      expect(
        readWorld(ws.world)
          .journal.filter((e) => e.op === "delete")
          .map((e) => e.key),
      ).to.deep.equal(["z", "y", "x"]);
      expect(engine.readState().checkpoint.latest.resources).to.deep.equal([]);
    });

    it("starts a fresh plugin for a refresh, and close() stops it, idempotently", async () => {
      await engine.up(() => void new Item("x", { world: ws.world, key: "x", value: "1" }));
      const before = pluginChildren();
      expect(before).to.have.length(1);
      await engine.refresh();
      const after = pluginChildren();
      expect(after).to.have.length(1);
      expect(after[0]!.trim().split(" ")[0], "another process").not.to.equal(before[0]!.trim().split(" ")[0]);
      await engine.close();
      await engine.close();
      expect(pluginChildren()).to.deep.equal([]);
      const error = await engine
        .up(() => {})
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.message).to.include("closed");
    });
  });

  describe("programs and failures", () => {
    const ws = workspace();
    const engine = new Engine(ws.options);
    after(async () => {
      await engine.close();
      fs.rmSync(ws.dir, { recursive: true, force: true });
    });

    it("waits for resources registered from apply callbacks and names children after their component", async () => {
      const program = () => {
        const group = new pulumi.ComponentResource("harness:index:Group", "group");
        const first = new Item("first", { world: ws.world, key: "first", value: "1" }, { parent: group });
        first.computed.apply((computed) => new Item("second", { world: ws.world, key: "second", value: computed }));
      };
      const result = await engine.up(program);
      expect(result.steps.map((s) => [s.op, s.name])).to.deep.equal([
        ["create", "first"],
        ["create", "second"],
      ]);
      const first = byName(engine, "first")!;
      expect(first.urn).to.equal(`urn:pulumi:dev::qovery-invitations::harness:index:Group$${ITEM}::first`);
      expect(first.parent).to.equal("urn:pulumi:dev::qovery-invitations::harness:index:Group::group");
      const again = await engine.up(program);
      expect(again.steps.map((s) => s.op)).to.deep.equal(["same", "same"]);
    });

    it("a Check failure fails the step with every property and reason", async () => {
      const program = () => {
        new Item("invalid", { world: ws.world, key: "", value: "bad value" });
      };
      for (const run of [() => engine.preview(program), () => engine.up(program)]) {
        const error = await run().then(
          () => undefined,
          (e: Error) => e,
        );
        expect(error?.message).to.include("value: must not start with bad").and.include("key: must not be empty");
      }
      expect(byName(engine, "invalid")).to.equal(undefined);
    });

    it("a provider error fails the operation with the plugin's message and keeps completed steps", async () => {
      const error = await engine
        .up(() => {
          const ok = new Item("ok", { world: ws.world, key: "ok", value: "1" });
          new Item("boom", { world: ws.world, key: "boom", value: "explode" }, { dependsOn: ok });
        })
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.message).to.include("cannot create boom: it exploded");
      expect(byName(engine, "ok")).to.include({ id: "ok-3" });
      expect(byName(engine, "first"), "no deletion after a failed step").not.to.equal(undefined);
    });

    it("the program's own error rejects the run", async () => {
      const error = await engine
        .up(() => {
          throw new Error("the program failed");
        })
        .then(
          () => undefined,
          (e: Error) => e,
        );
      expect(error?.message).to.equal("the program failed");
      expect(byName(engine, "first"), "no deletion after a failed program").not.to.equal(undefined);
    });
  });
});

describe("engine harness with parallel steps", function () {
  this.timeout(30000);

  const run = <T>(promise: Promise<T>) =>
    promise.then(
      () => undefined,
      (e: Error) => e,
    );

  describe("option", () => {
    it("refuses a parallel that is not a positive integer", () => {
      const ws = workspace();
      for (const parallel of [0, -1, 1.5, Number.NaN]) {
        expect(() => new Engine({ ...ws.options, parallel }), String(parallel)).to.throw(/parallel must be a positive integer/);
      }
      fs.rmSync(ws.dir, { recursive: true, force: true });
    });
  });

  describe("parallel 3", () => {
    const ws = workspace();
    const engine = new Engine({ ...ws.options, parallel: 3 });
    const names = ["n1", "n2", "n3", "n4", "n5", "n6"];
    after(async () => {
      await engine.close();
      fs.rmSync(ws.dir, { recursive: true, force: true });
    });

    const resetPeak = () => writeWorld(ws.world, { ...readWorld(ws.world), peak: 0 });

    it("creates up to 3 resources at once, and one that depends on another's output after it", async () => {
      await engine.up(() => {
        const items = names.map((name) => new Item(name, { world: ws.world, key: name, value: "1", holdUntilPeak: 3, sleepMs: 2000 }));
        new Item("dependent", { world: ws.world, key: "dependent", value: items[0]!.computed });
      });
      const world = readWorld(ws.world);
      expect(world.peak).to.equal(3);
      const keys = world.journal.map((e) => e.key);
      expect(keys).to.have.members([...names, "dependent"]);
      expect(keys.indexOf("dependent")).to.be.greaterThan(keys.indexOf("n1"));
      const dependent = byName(engine, "dependent")!;
      expect(dependent.dependencies, "the state records what it depends on").to.deep.equal([byName(engine, "n1")!.urn]);
      expect(byName(engine, "n2")!.dependencies).to.equal(undefined);
      const urns = customResources(engine).map((r) => r.urn);
      expect(urns.indexOf(dependent.urn), "a dependent comes after its dependency in the state").to.be.greaterThan(
        urns.indexOf(byName(engine, "n1")!.urn),
      );
    });

    it("refreshes up to 3 resources at once, keeping the state's order", async () => {
      const before = customResources(engine).map((r) => r.urn);
      resetPeak();
      const result = await engine.refresh();
      expect(result.steps).to.have.length(7);
      expect(readWorld(ws.world).peak).to.equal(3);
      expect(customResources(engine).map((r) => r.urn)).to.deep.equal(before);
    });

    it("deletes what the program no longer declares side by side, dependents first", async () => {
      resetPeak();
      const result = await engine.up(() => {
        new Item("n6", { world: ws.world, key: "n6", value: "1", holdUntilPeak: 3, sleepMs: 2000 });
      });
      expect(result.steps.filter((s) => s.op === "delete").map((s) => s.name)).to.have.members(["n1", "n2", "n3", "n4", "n5", "dependent"]);
      const world = readWorld(ws.world);
      expect(world.peak).to.equal(3);
      const deleted = world.journal.filter((e) => e.op === "delete").map((e) => e.key);
      expect(deleted.indexOf("dependent")).to.be.below(deleted.indexOf("n1"));
      expect(customResources(engine).map((r) => nameOfUrn(r.urn))).to.deep.equal(["n6"]);
    });

    it("destroys children and dependents before what they depend on, the rest side by side", async () => {
      await engine.up(() => {
        const root = new Item("root", { world: ws.world, key: "root", value: "1", holdUntilPeak: 3, sleepMs: 2000 });
        new Item("child", { world: ws.world, key: "child", value: "1", holdUntilPeak: 3, sleepMs: 2000 }, { parent: root });
        new Item("user", { world: ws.world, key: "user", value: "1", holdUntilPeak: 3, sleepMs: 2000 }, { dependsOn: root });
        for (const name of ["i1", "i2", "i3"]) new Item(name, { world: ws.world, key: name, value: "1", holdUntilPeak: 3, sleepMs: 2000 });
      });
      expect(byName(engine, "user")!.dependencies).to.deep.equal([byName(engine, "root")!.urn]);
      resetPeak();
      const result = await engine.destroy();
      expect(result.steps.map((s) => s.name)).to.have.members(["root", "child", "user", "i1", "i2", "i3"]);
      const world = readWorld(ws.world);
      expect(world.peak).to.equal(3);
      const deleted = world.journal.filter((e) => e.op === "delete").map((e) => e.key);
      expect(deleted.indexOf("root")).to.be.greaterThan(deleted.indexOf("child"));
      expect(deleted.indexOf("root")).to.be.greaterThan(deleted.indexOf("user"));
      expect(engine.readState().checkpoint.latest.resources).to.deep.equal([]);
    });

    it("lets the steps in flight finish, starts no new one, and reports every failure", async () => {
      const error = await run(
        engine.up(() => {
          // Same shape of inputs for all, so that they arrive in this order (the SDK's arrival
          // order follows the marshalling of inputs): three in flight, two waiting for a slot.
          new Item("slow1", { world: ws.world, key: "slow1", value: "1", sleepMs: 300 });
          new Item("boom1", { world: ws.world, key: "boom1", value: "explode", sleepMs: 50 });
          new Item("boom2", { world: ws.world, key: "boom2", value: "explode", sleepMs: 50 });
          new Item("slow2", { world: ws.world, key: "slow2", value: "1", sleepMs: 1 });
          new Item("waiting", { world: ws.world, key: "waiting", value: "1", sleepMs: 1 });
        }),
      );
      expect(error).to.be.instanceOf(StepFailures);
      const lines = error!.message.split("\n");
      expect(lines[0]).to.equal("2 steps failed:");
      expect(lines.slice(1).sort()).to.deep.equal([
        `  create of ${ITEM} 'boom1' failed: cannot create boom1: it exploded`,
        `  create of ${ITEM} 'boom2' failed: cannot create boom2: it exploded`,
      ]);
      expect((error as StepFailures).errors).to.have.length(2);
      expect(
        customResources(engine).map((r) => nameOfUrn(r.urn)),
        "the step in flight finished and was saved",
      ).to.deep.equal(["slow1"]);
      const keys = readWorld(ws.world).journal.map((e) => e.key);
      expect(keys, "the waiting registrations never started").not.to.include("slow2");
      expect(keys, "the waiting registrations never started").not.to.include("waiting");
    });

    it("a single failure is reported as it is", async () => {
      const error = await run(
        engine.up(() => {
          new Item("slow1", { world: ws.world, key: "slow1", value: "1", sleepMs: 300 });
          new Item("slow2", { world: ws.world, key: "slow2", value: "1" });
          new Item("boom1", { world: ws.world, key: "boom1", value: "explode" });
        }),
      );
      expect(error).not.to.be.instanceOf(StepFailures);
      expect(error?.message).to.equal(`create of ${ITEM} 'boom1' failed: cannot create boom1: it exploded`);
    });

    it("a failed destroy reports every failed delete and keeps those resources", async () => {
      await engine.up(() => {
        for (const name of ["stuck1", "stuck2"]) new Item(name, { world: ws.world, key: name, value: "stuck" });
        new Item("ok1", { world: ws.world, key: "ok1", value: "1" });
      });
      const error = await run(engine.destroy());
      expect(error).to.be.instanceOf(StepFailures);
      expect(error!.message).to.include(`delete of ${ITEM} 'stuck1' failed: cannot delete stuck1: it is stuck`);
      expect(error!.message).to.include(`delete of ${ITEM} 'stuck2' failed: cannot delete stuck2: it is stuck`);
      expect(
        customResources(engine)
          .map((r) => nameOfUrn(r.urn))
          .sort(),
      ).to.deep.equal(["stuck1", "stuck2"]);
      expect(
        engine.readState().checkpoint.latest.resources.some((r) => r.type === "pulumi:pulumi:Stack"),
        "the stack stays",
      ).to.equal(true);
    });
  });
});

function nameOfUrn(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

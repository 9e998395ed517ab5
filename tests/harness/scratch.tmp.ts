import * as pulumi from "@pulumi/pulumi";
import { Engine } from "./index";
import { Item, readWorld } from "./fixtures/item";
import * as fs from "node:fs";

async function main() {
  const dir = fs.mkdtempSync("/tmp/h-");
  const world = `${dir}/world.json`;
  const t0 = Date.now(); const engine = new Engine({ log: (l) => console.log(Date.now() - t0, l), programDir: process.cwd(), stateFile: `${dir}/state.json`, config: { "qovery:apiToken": "tok", "example:x": "y" }, secretConfigKeys: ["qovery:apiToken"] });
  try {
    const prog = (v: string, key = "a") => () => {
      const a = new Item("a", { world, key, value: v, secret: pulumi.secret("shh") });
      const b = new Item("b", { world, key: "b", value: a.computed });
      return { c: a.computed, s: a.secretOut, cfg: new pulumi.Config("example").require("x") };
    };
    let r = await engine.preview(prog("1"));
    console.log(r.steps, r.outputs);
    r = await engine.up(prog("1"));
    r = await engine.up(prog("1"));
    r = await engine.up(prog("2"));
    r = await engine.up(prog("2", "a2"));
    r = await engine.refresh();
    r = await engine.destroy();
    console.log(JSON.stringify(readWorld(world).journal));
    console.log(JSON.stringify(engine.readState()));
  } finally {
    await engine.close();
  }
}
main().catch((e) => { console.error("FAILED", e); process.exitCode = 1; });

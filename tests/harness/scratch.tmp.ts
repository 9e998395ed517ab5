import * as pulumi from "@pulumi/pulumi";
import { runProgram } from "./program";
import { Item } from "./fixtures/item";
import { UNKNOWN } from "./properties";

async function main() {
  for (const preview of [true, false]) {
    const regs: any[] = [];
    const run = await runProgram(async () => {
      const a = new Item("a", { world: "/tmp/w.json", key: "a", value: "1", secret: pulumi.secret("shh") });
      const seen: any = {};
      a.computed.apply((c) => { seen.c = c; 
        new Item("b", { world: "/tmp/w.json", key: "b", value: a.computed });
      });
      const known = await (a.computed as any).isKnown;
      const secret = await (a.secretOut as any).isSecret;
      console.log("preview", preview, "computed known:", known, "secretOut secret:", secret, "id known", await (a.id as any).isKnown);
      return { c: a.computed, s: a.secretOut, plain: "x" };
    }, {
      project: "p", stack: "dev", preview, config: { "p:x": "1" }, secretConfigKeys: [],
      register: async (reg) => {
        regs.push(reg);
        await new Promise((r) => setTimeout(r, 20));
        if (preview) return { id: "", outputs: reg.inputs };
        return { id: reg.name + "-id", outputs: { ...reg.inputs, computed: "C", secretOut: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "S" } } };
      },
    });
    console.log(JSON.stringify(regs.map((r) => ({ ...r, inputs: { ...r.inputs, __provider: String(r.inputs.__provider).length } })), null, 1));
    console.log("run", run);
  }
}
main();

/**
 * Tries harness `parallel` × `qovery:maxConcurrency` combinations on the 1000-invitation load
 * (not part of `npm run bench`): one line per combination.
 *
 *   npm run build && npx tsx bench/sweep.ts 16x8 8x8 4x4 32x16
 */
import * as os from "node:os";
import { invitationProgram, people } from "./lib/programs";
import { applyInvitations, startLoadBed } from "./scenarios/load";

async function main(): Promise<void> {
  const combos = process.argv.slice(2);
  if (combos.length === 0) throw new Error("usage: tsx bench/sweep.ts <parallel>x<maxConcurrency> ...");
  for (const combo of combos) {
    const [parallel, maxConcurrency] = combo.split("x").map(Number);
    if (!Number.isInteger(parallel) || !Number.isInteger(maxConcurrency)) throw new Error(`not <parallel>x<maxConcurrency>: ${combo}`);
    const settings = { count: 1000, ratePerSecond: 50, parallel: parallel!, maxConcurrency: maxConcurrency! };
    const bed = await startLoadBed(settings);
    try {
      const program = invitationProgram(bed.fake.organizationId, people("person", settings.count));
      await bed.engine.preview(program); // starts the plugin, as in the bench
      const load = os.loadavg()[0]!.toFixed(2);
      const r = await applyInvitations(bed, program, settings, () => undefined);
      console.log(
        `parallel ${parallel} maxConcurrency ${maxConcurrency}: ${(r.wallMs / 1000).toFixed(1)} s = ${r.ratioToFloor}× floor ` +
          `(first step after ${(r.firstStepAfterMs / 1000).toFixed(1)} s, then ${r.afterFirstStepRatioToFloor}×), ` +
          `${r.failures} failures, ${r.requests.rateLimited} × 429, plugin peak ${r.plugin.peakRssMiB} MiB, load average ${load}`,
      );
    } finally {
      await bed.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

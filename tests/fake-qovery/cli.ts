// Runs the Qovery fake as a process: `npx tsx tests/fake-qovery/cli.ts` (npm run fake-qovery).
// Environment: FAKE_QOVERY_PORT (default random), FAKE_QOVERY_TOKEN (default random),
// FAKE_QOVERY_LATENCY_MS (default 0). Prints what a client needs, then serves until SIGINT/SIGTERM.
// Printing the token is fine: it only opens this fake.
import { startFakeQovery, type FakeQoveryOptions } from "./index";

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const options: FakeQoveryOptions = {};
  const port = numberFromEnv("FAKE_QOVERY_PORT");
  const latencyMs = numberFromEnv("FAKE_QOVERY_LATENCY_MS");
  const token = process.env.FAKE_QOVERY_TOKEN;
  if (port !== undefined) options.port = port;
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  if (token !== undefined && token !== "") options.apiToken = token;

  const fake = await startFakeQovery(options);
  const org = fake.organizationId;
  console.log(`Qovery fake listening on ${fake.url}`);
  console.log(`QOVERY_API_URL=${fake.url}`);
  console.log(`QOVERY_API_TOKEN=${fake.apiToken}`);
  console.log(`organization id: ${org} (Acme)`);
  console.log(
    `roles: ${fake
      .roles(org)
      .map((r) => r.name)
      .join(", ")}`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the Qovery fake`);
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

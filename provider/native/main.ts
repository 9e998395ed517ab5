#!/usr/bin/env node
/**
 * `pulumi-resource-qovery-invitations`: the native provider plugin, the package's second bin.
 * The engine starts it, reads the port it prints on stdout, and talks Pulumi's ResourceProvider
 * protocol to it (service.ts, over grpc-server.ts). Only node:http2 loads before the port is
 * printed, so the plugin is ready about as fast as Node itself; the protocol's messages and the
 * package load at the first request.
 */
import type * as ConstructModule from "../../sdk/native/construct";
import { serveGrpc, type UnaryMethod } from "./grpc-server";
import type * as ServiceModule from "./service";
import type { Constructor } from "./service";

/* eslint-disable @typescript-eslint/no-require-imports -- each module loads when first needed, after the port is printed */

/**
 * The roster's Construct runs program-side code (the component registers its children with the
 * engine, as a program would), so it is the one place where the plugin loads the sdk.
 */
function constructor(engineAddress: string): () => Constructor {
  return () => {
    const { construct } = require("../../sdk/native/construct") as typeof ConstructModule;
    return (request, connect) => construct(engineAddress, request, connect);
  };
}

/**
 * The engine stops a plugin by closing its connection, then interrupting it (SIGINT; SIGKILL if it
 * is still there 5 s later) so that it can clean up. Nothing is left to answer by then, so the
 * plugin exits at once through Node's normal exit (status 0, `exit` listeners, what Node writes at
 * exit such as NODE_V8_COVERAGE) instead of dying of the signal. SIGTERM, the usual request to stop
 * from anything else that manages the process, is treated the same way.
 */
function exitWhenAskedToStop(): void {
  const exit = (): never => process.exit(0);
  process.once("SIGINT", exit);
  process.once("SIGTERM", exit);
}

function main(engineAddress: string | undefined): void {
  exitWhenAskedToStop();
  let methods: Record<string, UnaryMethod> | undefined;
  const methodOf = (name: string): UnaryMethod | undefined => {
    if (!methods) {
      const { version } = require("pulumi-qovery-invitations/package.json") as { version: string };
      methods = (require("./service") as typeof ServiceModule).providerMethods(version, constructor(engineAddress ?? ""));
    }
    return methods[name];
  };
  const describe = (error: unknown): string => (require("../../core") as typeof import("../../core")).messageOf(error);
  serveGrpc(methodOf, describe).then(
    // The engine reads the port from the first line of stdout.
    ({ port }) => process.stdout.write(`${port}\n`),
    (error: unknown) => {
      process.stderr.write(`pulumi-resource-qovery-invitations: cannot listen: ${describe(error)}\n`);
      process.exit(1);
    },
  );
}

main(process.argv[2]);

#!/usr/bin/env node
/**
 * `pulumi-resource-qovery-invitations`: the native provider plugin, the package's second bin.
 * The engine starts it, reads the port it prints on stdout, and talks Pulumi's ResourceProvider
 * protocol to it (service.ts). Only gRPC and the protocol's messages load before the port is
 * printed, so the plugin is ready fast; the rest loads at the first request.
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as ConstructModule from "../../sdk/native/construct";
import { providerService, type Constructor } from "./service";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require("pulumi-qovery-invitations/package.json") as { version: string };

/**
 * The roster's Construct runs program-side code (the component registers its children with the
 * engine, as a program would), so it is the one place where the plugin loads the sdk.
 */
function constructor(engineAddress: string): () => Constructor {
  return () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { construct } = require("../../sdk/native/construct") as typeof ConstructModule;
    return (request) => construct(engineAddress, request);
  };
}

function main(engineAddress: string | undefined): void {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 1024 * 1024 * 400 });
  server.addService(ResourceProviderService, providerService(version, constructor(engineAddress ?? "")));
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      process.stderr.write(`pulumi-resource-qovery-invitations: cannot listen: ${error.message}\n`);
      process.exit(1);
    }
    // The engine reads the port from the first line of stdout.
    process.stdout.write(`${port}\n`);
  });
}

main(process.argv[2]);

/**
 * Runs a Pulumi program in this process under @pulumi/pulumi's mock runtime and hands every
 * resource registration to the harness, which answers it the way the engine's resource monitor
 * would. Returns once every registration has been answered, including registrations made from
 * `apply` callbacks after other resources resolved.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { fromStruct, toStruct, type PropertyMap } from "./properties";

export const STACK_TYPE = "pulumi:pulumi:Stack";

export interface Registration {
  urn: string;
  type: string;
  name: string;
  parent?: string;
  /** URNs of the resources it depends on (through its inputs or `dependsOn`), as the SDK sent them. */
  dependencies: string[];
  /** Program inputs, marshalled as the program sent them: secrets wrapped, unknowns as the sentinel. */
  inputs: PropertyMap;
  deleteBeforeReplace: boolean;
  retainOnDelete: boolean;
  additionalSecretOutputs: string[];
}

export interface RegistrationResult {
  /** Empty for an unknown id (preview of a create). */
  id: string;
  outputs: PropertyMap;
}

/** Like a Pulumi inline program; returned values are the stack outputs. */
export type Program = () => Promise<Record<string, unknown> | void> | Record<string, unknown> | void;

export interface ProgramOptions {
  project: string;
  stack: string;
  preview: boolean;
  config: Record<string, string>;
  secretConfigKeys: string[];
  register: (registration: Registration) => Promise<RegistrationResult>;
}

export interface ProgramRun {
  /** The program's error, if it threw or a registration it awaited failed. */
  error?: unknown;
  /** The root stack resource and the outputs the program returned, marshalled (secrets wrapped). */
  stack?: { urn: string; outputs: PropertyMap };
}

type Callback = (error: Error | null, response?: unknown) => void;

// The parts of the mock runtime's MockMonitor that the harness replaces: MockMonitor hands its
// mocks only type, name and deserialized inputs, while the engine needs the parent, the
// resource options and the inputs exactly as marshalled.
interface Monitor {
  registerResource(request: resproto.RegisterResourceRequest, callback: Callback): void;
  registerResourceOutputs(request: resproto.RegisterResourceOutputsRequest, callback: Callback): void;
}

const unsupported: pulumi.runtime.Mocks = {
  call: (args) => {
    throw new Error(`the harness does not run invokes (${args.token})`);
  },
  newResource: (args) => {
    throw new Error(`the harness does not read existing resources (${args.type} ${args.name})`);
  },
};

/** The engine's URN: the parent's type chain is prefixed, except for the root stack. */
function makeUrn(stack: string, project: string, type: string, name: string, parent: string): string {
  const parentType = parent ? parent.split("::")[2] : "";
  const qualified = parentType && parentType !== STACK_TYPE ? `${parentType}$${type}` : type;
  return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

export async function runProgram(program: Program, options: ProgramOptions): Promise<ProgramRun> {
  await pulumi.runtime.setMocks(unsupported, options.project, options.stack, options.preview);
  pulumi.runtime.setAllConfig(options.config, options.secretConfigKeys);
  const monitor = pulumi.runtime.getMonitor() as unknown as Monitor;
  const run: ProgramRun = {};
  const urns = new Set<string>();
  let stackUrn: string | undefined;
  let requests = 0;
  let finished = false;

  monitor.registerResource = (request, callback) => {
    requests++;
    const parent = request.getParent();
    const type = request.getType();
    const name = request.getName();
    const urn = makeUrn(options.stack, options.project, type, name, parent);
    const answer = async (): Promise<RegistrationResult> => {
      if (finished) throw new Error(`${urn} was registered after the program had finished`);
      if (urns.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
      urns.add(urn);
      const inputs = fromStruct(request.getObject());
      if (type === STACK_TYPE) stackUrn = urn;
      // Components, the stack and any non-dynamic resource are echoed.
      if (!request.getCustom() || !/^pulumi-nodejs:dynamic[:/]/.test(type)) return { id: "", outputs: inputs };
      return options.register({
        urn,
        type,
        name,
        parent: parent || undefined,
        dependencies: request.getDependenciesList(),
        inputs,
        deleteBeforeReplace: request.getDeletebeforereplace(),
        retainOnDelete: request.getRetainondelete() === true,
        additionalSecretOutputs: request.getAdditionalsecretoutputsList(),
      });
    };
    answer().then(
      ({ id, outputs }) => {
        const response = new resproto.RegisterResourceResponse();
        response.setUrn(urn).setId(id).setObject(toStruct(outputs));
        callback(null, response);
      },
      (error: Error) => callback(error),
    );
  };

  monitor.registerResourceOutputs = (request, callback) => {
    if (request.getUrn() === stackUrn) run.stack = { urn: stackUrn, outputs: fromStruct(request.getOutputs()) };
    callback(null, {});
  };

  // Like the nodejs language host, an unhandled rejection while the program runs (an output of
  // a failed registration that nothing awaited, a forgotten promise) fails the program. The
  // process's own handlers (mocha's) are set aside meanwhile.
  const handlers = process.listeners("unhandledRejection");
  const onRejection = (reason: unknown) => {
    run.error ??= reason;
  };
  process.removeAllListeners("unhandledRejection");
  process.on("unhandledRejection", onRejection);
  try {
    try {
      await pulumi.runtime.runInPulumiStack(async () => program());
    } catch (error) {
      run.error = error;
    }
    // `disconnect` waits for the runtime's outstanding RPCs; a flush of pending callbacks
    // between two waits lets `apply` callbacks of the last answers register their resources.
    // Repeat until a round sends no registration.
    for (let before = -1; before !== requests;) {
      before = requests;
      await pulumi.runtime.disconnect();
      await new Promise((resolve) => setImmediate(resolve));
      await pulumi.runtime.disconnect();
    }
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    finished = true;
    process.off("unhandledRejection", onRejection);
    for (const handler of handlers) process.on("unhandledRejection", handler);
  }
  return run;
}

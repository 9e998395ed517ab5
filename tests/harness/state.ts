/**
 * The state file, shaped like a Pulumi stack export (`pulumi stack export`, version 3) with
 * plaintext secrets in Pulumi's `{sig, plaintext}` form. In memory the engine works on
 * ResourceState, whose properties keep the marshalled form (`{sig, value}` secrets).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fromCheckpoint, toCheckpoint, type PropertyMap } from "./properties";

export interface CheckpointResource {
  urn: string;
  custom: boolean;
  /** Marks the old half of a create-before-delete replacement, pending deletion. */
  delete?: boolean;
  id?: string;
  type: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  /** URNs this resource depends on; omitted when none (as `pulumi stack export` does). */
  dependencies?: string[];
  retainOnDelete?: boolean;
  additionalSecretOutputs?: string[];
}

export interface Checkpoint {
  version: 3;
  checkpoint: { latest: { resources: CheckpointResource[] } };
}

export interface ResourceState {
  urn: string;
  type: string;
  custom: boolean;
  delete?: boolean;
  id?: string;
  inputs: PropertyMap;
  outputs: PropertyMap;
  parent?: string;
  dependencies?: string[];
  retainOnDelete?: boolean;
  additionalSecretOutputs?: string[];
}

const EMPTY: Checkpoint = { version: 3, checkpoint: { latest: { resources: [] } } };

export function nameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

export class StateFile {
  constructor(readonly file: string) {
    if (!fs.existsSync(file)) this.write(EMPTY);
  }

  read(): Checkpoint {
    return JSON.parse(fs.readFileSync(this.file, "utf8")) as Checkpoint;
  }

  load(): ResourceState[] {
    return this.read().checkpoint.latest.resources.map((r) => ({
      ...r,
      inputs: fromCheckpoint(r.inputs ?? {}) as PropertyMap,
      outputs: fromCheckpoint(r.outputs ?? {}) as PropertyMap,
    }));
  }

  save(resources: readonly ResourceState[]): void {
    this.write({
      version: 3,
      checkpoint: {
        latest: {
          resources: resources.map((r) => ({
            ...r,
            inputs: toCheckpoint(r.inputs) as Record<string, unknown>,
            outputs: toCheckpoint(r.outputs) as Record<string, unknown>,
          })),
        },
      },
    });
  }

  // Written whole and renamed into place: a crash never leaves half a file.
  private write(checkpoint: Checkpoint): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`);
    fs.renameSync(temporary, this.file);
  }
}

/**
 * A dynamic resource whose provider does nothing but echo: the `__provider` size of the smallest
 * inline provider, beside OrganizationInvitation's serialized shim (scenarios/provider-size.ts).
 */
import * as pulumi from "@pulumi/pulumi";

type Props = Record<string, unknown>;

const noopProvider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: Props, news: Props) {
    return { inputs: news };
  },
  async diff(_id: string, olds: Props, news: Props) {
    return { changes: olds.label !== news.label || olds.option !== news.option };
  },
  async create(inputs: Props) {
    return { id: String(inputs.label), outs: inputs };
  },
  async read(id: string, props: Props) {
    return { id, props };
  },
  async update(_id: string, _olds: Props, news: Props) {
    return { outs: news };
  },
  async delete() {},
};

export interface NoopArgs {
  label: pulumi.Input<string>;
  /** Changing it is an in-place update. */
  option: pulumi.Input<string>;
}

export class NoopResource extends pulumi.dynamic.Resource {
  constructor(name: string, args: NoopArgs, opts?: pulumi.CustomResourceOptions) {
    super(noopProvider, name, { ...args }, opts, "bench", "Noop");
  }
}

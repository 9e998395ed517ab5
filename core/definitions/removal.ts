/**
 * The definition of UnmanagedAccessRemoval, the child by which an authoritative roster removes
 * the access it does not declare: every input and output, its schemas and its metadata. The
 * program side (sdk/removal.ts) and the plugin (provider/removal/) derive from it their types,
 * check and the parsing of their inputs.
 */
import { z } from "zod";
import { uuid } from "../schemas";
import { input, output, shapeOf } from "./field";

/** `remove-member:<email>` or `remove-invitation:<email>`, optionally `/<id>`: a label; the value is the id. */
export const REMOVAL_KEY = /^remove-(member|invitation):(.+)$/;

/** removed: a member removed; cancelled: an invitation cancelled; kept: found protected at `up`. */
const REMOVAL_OUTCOMES = ["removed", "cancelled", "already gone", "kept"] as const;
export type RemovalOutcome = (typeof REMOVAL_OUTCOMES)[number];

const targetId = z
  .string({ error: "must be the member id or the invitation id" })
  .refine((id) => id.trim() !== "", { error: "must be the member id or the invitation id" });

export const removalInputFields = {
  /** The organization's UUID. */
  organizationId: input(uuid("the organization's UUID"), z.string().min(1), {
    description: "The UUID of the Qovery organization.",
    recorded: true,
  }),
  /** Removal key → member id or invitation id. */
  removals: input(
    z.record(z.string().regex(REMOVAL_KEY), targetId, {
      error: "must be remove-member:<email> or remove-invitation:<email>, optionally /<id>",
    }),
    z.record(z.string().regex(REMOVAL_KEY), z.string()),
    {
      description:
        "Each removal: `remove-member:<email>` or `remove-invitation:<email>` (`/<id>` appended when one email has " +
        "several entries of a kind) → the member id or the invitation id.",
      change: "update",
      recorded: true,
      spread: true,
    },
  ),
};

export const removalOutputFields = {
  /** What came of each removal at the last `up` that had something to remove, by key. */
  outcomes: output(z.record(z.string(), z.enum(REMOVAL_OUTCOMES)), {
    description: "What came of each removal at the last `up` that had something to remove, by key.",
  }),
  /** Why a removal was not carried out (outcome "kept"), by key. */
  kept: output(z.record(z.string(), z.string()).optional(), { description: 'Why a removal was not carried out (outcome "kept"), by key.' }),
  /** When the removals last ran (ISO 8601). */
  appliedAt: output(z.string(), { description: "When the removals last ran (ISO 8601)." }),
};

/** Every field the state holds: the inputs, then the outputs. */
export const removalStateFields = { ...removalInputFields, ...removalOutputFields };

/** What check applies to a program's values, field by field. */
export const removalCheckShape = shapeOf(removalInputFields, "check");

/** The inputs after check, as create and update parse them. */
export const removalInputsSchema = z.object(shapeOf(removalInputFields, "value"));
export type RemovalInputs = z.output<typeof removalInputsSchema>;

/** What a run of the removals adds to the inputs in state. */
export type RemovalOutputs = z.output<z.ZodObject<{ [K in keyof typeof removalOutputFields]: (typeof removalOutputFields)[K]["value"] }>>;

/**
 * The definition of RosterGuard, the child by which a roster stops a run that breaks one of its
 * guardrails: its inputs, their schemas and their metadata. The program side
 * (sdk/roster-guard.ts) and the plugin (provider/roster-guard/) derive from it their types and
 * check.
 */
import { z } from "zod";
import { rosterRefusalSchema } from "../contract";
import { validEntries } from "../schemas";
import { input, recordedOf, shapeOf } from "./field";

export const rosterGuardInputFields = {
  /** The roster's organization. */
  organizationId: input(z.string(), z.string(), {
    description: "The organization of the roster; the guard's only state.",
    recorded: true,
  }),
  /** Why the run must stop, by the roster input each refusal concerns: check fails with each. */
  refusals: input(
    // A refusal not known yet (preview), or the list itself, is passed over: the `up` sees it.
    validEntries(rosterRefusalSchema),
    z.array(rosterRefusalSchema),
    { description: "Why the run must stop, by the roster input each refusal concerns: check fails with each." },
  ),
};

/** What check applies to a program's values, field by field. */
export const rosterGuardCheckShape = shapeOf(rosterGuardInputFields, "check");

/** The state of a guard: its recorded inputs. */
export const rosterGuardStateSchema = z.object(shapeOf(recordedOf(rosterGuardInputFields), "value"));

/**
 * Plan and progress text in the manner of the Pulumi CLI: one line per step that changes
 * something, the stack outputs, and a one-line resource summary.
 */
import { isSecret, UNKNOWN, type KeyChange, type PropertyMap } from "./properties";

export type StepOp = "create" | "update" | "replace" | "delete" | "same" | "refresh-update" | "refresh-delete" | "read-same";

export interface PlannedStep {
  op: StepOp;
  urn: string;
  type: string;
  name: string;
  changes: KeyChange[];
  deleteBeforeReplace?: boolean;
}

const LINE: Record<StepOp, { symbol: string; label: string } | undefined> = {
  create: { symbol: "+", label: "create" },
  update: { symbol: "~", label: "update" },
  replace: { symbol: "+-", label: "replace" },
  delete: { symbol: "-", label: "delete" },
  "refresh-update": { symbol: "~", label: "update" },
  "refresh-delete": { symbol: "-", label: "delete" },
  same: undefined,
  "read-same": undefined,
};

const KINDS: [KeyChange["kind"], string][] = [
  ["add", "+"],
  ["delete", "-"],
  ["update", "~"],
];

/** Pulumi's short diff: keys grouped by kind, e.g. `+dbr~email,roleId`. */
function shortDiff(changes: readonly KeyChange[]): string {
  return KINDS.map(([kind, symbol]) => {
    const keys = changes.filter((c) => c.kind === kind).map((c) => c.key);
    return keys.length > 0 ? symbol + keys.join(",") : "";
  }).join("");
}

/** `+- replace pulumi-nodejs:dynamic:Resource name [diff: ~email] (delete before replace)`; none for unchanged. */
export function stepLine(step: PlannedStep): string | undefined {
  const line = LINE[step.op];
  if (!line) return undefined;
  const diff = step.changes.length > 0 ? ` [diff: ${shortDiff(step.changes)}]` : "";
  const order = step.deleteBeforeReplace ? " (delete before replace)" : "";
  return `${line.symbol} ${line.label} ${step.type} ${step.name}${diff}${order}`;
}

const COUNTED: { ops: StepOp[]; planned: string; done: string }[] = [
  { ops: ["create"], planned: "to create", done: "created" },
  { ops: ["update", "refresh-update"], planned: "to update", done: "updated" },
  { ops: ["replace"], planned: "to replace", done: "replaced" },
  { ops: ["delete", "refresh-delete"], planned: "to delete", done: "deleted" },
  { ops: ["same", "read-same"], planned: "unchanged", done: "unchanged" },
];

/** `Resources: 1 to create, 2 unchanged` (preview) or `Resources: 1 created, 2 unchanged`. */
export function summaryLine(steps: readonly PlannedStep[], preview: boolean): string {
  const parts = COUNTED.map(({ ops, planned, done }) => {
    const count = steps.filter((s) => ops.includes(s.op)).length;
    return count > 0 ? `${count} ${preview ? planned : done}` : undefined;
  }).filter((part) => part !== undefined);
  return `Resources: ${parts.length > 0 ? parts.join(", ") : "0 unchanged"}`;
}

function display(value: unknown): unknown {
  if (isSecret(value)) return "[secret]";
  if (value === UNKNOWN) return "[unknown]";
  if (Array.isArray(value)) return value.map(display);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, display(v)]));
  }
  return value;
}

/** Stack outputs, secrets as `[secret]`, preview unknowns as `[unknown]`. */
export function outputLines(outputs: PropertyMap): string[] {
  const keys = Object.keys(outputs).sort();
  if (keys.length === 0) return [];
  const width = Math.max(...keys.map((k) => k.length));
  return [
    "Outputs:",
    ...keys.map((key) => {
      const shown = display(outputs[key]);
      const text = shown === "[secret]" || shown === "[unknown]" ? shown : JSON.stringify(shown);
      return `    ${key.padEnd(width)}: ${text}`;
    }),
  ];
}

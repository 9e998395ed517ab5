/**
 * A preview of many resources: the API calls it makes (the target is none: check and diff never
 * call Qovery) and its wall time. Run on a stack where the resources are new, and again once
 * they exist (the pull-request check of a stack that did not change).
 */
import type { Program } from "../../tests/harness";
import type { Bed } from "../lib/bed";
import { round, timed } from "../lib/stats";

export interface PreviewResult {
  situation: string;
  resources: number;
  apiCalls: number;
  wallMs: number;
  summary: string;
}

export async function measurePreview(bed: Bed, program: Program, resources: number, situation: string): Promise<PreviewResult> {
  const before = bed.fake.callCount();
  const { result, ms } = await timed(() => bed.engine.preview(program));
  return { situation, resources, apiCalls: bed.fake.callCount() - before, wallMs: round(ms), summary: result.summary };
}

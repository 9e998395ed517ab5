/**
 * Finds the dynamic-provider plugin processes this bench started (children of this process
 * running `@pulumi/pulumi/cmd/dynamic-provider`) and reads their memory from /proc (Linux).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";

/** Pids of this process's children whose command line runs the dynamic-provider plugin. */
export function pluginPids(): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" });
  return table
    .split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .filter((m) => Number(m[2]) === process.pid && m[3]!.includes("cmd/dynamic-provider"))
    .map((m) => Number(m[1]));
}

export interface ProcessMemory {
  /** Peak resident set size (VmHWM), in MiB. */
  peakRssMiB: number;
  /** Current resident set size (VmRSS), in MiB. */
  rssMiB: number;
}

/** VmHWM and VmRSS of a process, or undefined when /proc has no such process. */
export function processMemory(pid: number): ProcessMemory | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const kib = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, "m"))?.[1] ?? Number.NaN);
  return { peakRssMiB: kib("VmHWM") / 1024, rssMiB: kib("VmRSS") / 1024 };
}

/**
 * Samples the plugin's memory every `intervalMs` while a run goes on; `stop()` returns the
 * highest VmHWM seen (the kernel's own peak, so short spikes between samples are not missed)
 * and the highest VmRSS sampled.
 */
export function watchPluginMemory(intervalMs = 250): { stop(): { pid?: number; peakRssMiB: number; maxSampledRssMiB: number } } {
  let pid: number | undefined;
  let peak = Number.NaN;
  let sampled = Number.NaN;
  const tick = () => {
    pid ??= pluginPids()[0];
    if (pid === undefined) return;
    const memory = processMemory(pid);
    if (!memory) return;
    peak = Number.isNaN(peak) ? memory.peakRssMiB : Math.max(peak, memory.peakRssMiB);
    sampled = Number.isNaN(sampled) ? memory.rssMiB : Math.max(sampled, memory.rssMiB);
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { pid, peakRssMiB: peak, maxSampledRssMiB: sampled };
    },
  };
}

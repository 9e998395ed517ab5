// Fault injection: per-operation FIFO queues of faults, each applying to `times` requests.
import type { Fault, Operation } from "./types";

interface Queued {
  fault: Fault;
  remaining: number;
}

export class FaultQueue {
  private readonly queues = new Map<Operation, Queued[]>();

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`fake-qovery: fault.times must be a positive integer, got ${times}`);
    if (fault.status !== undefined && (fault.status < 100 || fault.status > 599)) {
      throw new Error(`fake-qovery: fault.status must be an HTTP status, got ${fault.status}`);
    }
    const queue = this.queues.get(fault.operation) ?? [];
    queue.push({ fault: { ...fault }, remaining: times });
    this.queues.set(fault.operation, queue);
  }

  /** The fault that applies to this request, consuming one of its `times`; undefined if none. */
  take(operation: Operation): Fault | undefined {
    const queue = this.queues.get(operation);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.fault;
  }

  /** How many answers of `operation` the queued faults have yet to spoil. */
  remaining(operation: Operation): number {
    return (this.queues.get(operation) ?? []).reduce((sum, queued) => sum + queued.remaining, 0);
  }

  clear(): void {
    this.queues.clear();
  }
}

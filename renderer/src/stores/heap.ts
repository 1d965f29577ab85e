/**
 * The heap store: heap graphs taken from the paused session (newest last), the one shown,
 * and the one it is compared with. Graphs come from the sidecar's `heap` debug command.
 */
import { reactive, shallowRef } from 'vue';
import { isPackedHeapGraph, unpackHeapGraph, type HeapGraph } from '../../../core/debug/heap-graph';
import { indexHeap, type HeapIndex } from '../heap/model';
import { api, messageOf } from './bridge';
import { debug } from './debug';

export interface HeapSnapshot {
  /** "Snapshot 3 — paused at line 12". */
  label: string;
  graph: HeapGraph;
  /** Its indexes, built once when it arrives. */
  index: HeapIndex;
}

/**
 * Lets the page draw a frame between two large steps. A 10 000-object graph arrives as one
 * message; parsing it, indexing it and sorting and drawing it in the same task blocked the page
 * for several hundred milliseconds on a busy machine (npm run bench:ui).
 */
function nextTask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

export const heap = reactive({
  /** Index into `snapshots` of the one shown, or -1. */
  shown: -1,
  /** Index of the snapshot it is compared with (diff mode), or -1. */
  compareWith: -1,
  loading: false,
  error: null as string | null,
});

/** The graphs themselves are large: kept shallow (Vue does not make 10 000 nodes reactive). */
export const snapshots = shallowRef<HeapSnapshot[]>([]);

/** Whether a heap can be taken now: a session is paused or waiting for the user. */
export function canTakeHeap(): boolean {
  return debug.sessionId !== null && (debug.status === 'paused' || debug.status === 'waiting');
}

/** Takes a heap graph of the paused session and shows it. */
export async function takeHeapSnapshot(where = ''): Promise<void> {
  const id = debug.sessionId;
  if (id === null || heap.loading) return;
  heap.loading = true;
  heap.error = null;
  try {
    // the packed form: a few arrays to parse, unpacked here a slice per task
    const { result } = await api().invoke('session.debug', { id, command: 'heap', args: { packed: true } });
    if (!isPackedHeapGraph(result)) throw new Error('the heap graph arrived in an unexpected form');
    const unpacking = unpackHeapGraph(result);
    let step = unpacking.next();
    while (!step.done) {
      await nextTask();
      step = unpacking.next();
    }
    const graph = step.value;
    await nextTask();
    const index = indexHeap(graph);
    await nextTask();
    const label = `Snapshot ${snapshots.value.length + 1}${where ? ` — ${where}` : ''}`;
    snapshots.value = [...snapshots.value, { label, graph, index }];
    heap.shown = snapshots.value.length - 1;
  } catch (error) {
    heap.error = messageOf(error);
  } finally {
    heap.loading = false;
  }
}

/** Forgets every snapshot (a new session starts). */
export function clearHeapSnapshots(): void {
  snapshots.value = [];
  heap.shown = -1;
  heap.compareWith = -1;
}

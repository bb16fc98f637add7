// The page's side of layoutWorker.ts: one worker, created on first use and reused, answers matched to
// jobs by id. Kept apart from the controller so headless tests (no Worker) never load it.
import type { LayoutAnswer, LayoutJob } from './layoutWorker.ts';

let worker: Worker | undefined;
const waiting = new Map<
  number,
  { resolve: (answer: LayoutAnswer) => void; reject: (error: unknown) => void }
>();

export function layoutInWorker(job: LayoutJob): Promise<LayoutAnswer> {
  if (!worker) {
    worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      waiting.get(event.data.id)?.resolve(event.data);
      waiting.delete(event.data.id);
    };
    worker.onerror = (event) => {
      for (const { reject } of waiting.values()) reject(new Error(event.message));
      waiting.clear();
    };
  }
  const target = worker;
  return new Promise((resolve, reject) => {
    waiting.set(job.id, { resolve, reject });
    target.postMessage(job);
  });
}

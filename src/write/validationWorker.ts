// The worker thread of validateStreamFilesInWorker (stream.ts): validates the streamed files exactly as
// validateStreamFiles does in the main thread and sends each valid line back (its text: stream.ts ValidLine)
// in batches, so the bulk loader builds its rows, writes its CSV files and derives (derive.ts) in the main
// thread while this one parses and validates the lines that follow: the two halves of the pass run on two
// cores. At most IN_FLIGHT batches
// are on their way at any time (the main thread acknowledges each), so memory stays flat however far
// ahead validation runs.
import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedGraph } from '../data/validate.ts';
import type { ParsedDocument } from '../sources/types.ts';
import { validateStreamFiles, type ValidLine, type WorkerMessage } from './stream.ts';

const BATCH = 2_000;
const IN_FLIGHT = 4;

const port = parentPort;
if (!port) throw new Error('validationWorker.ts runs as a worker thread');
const { files, base, sources, collect } = workerData as {
  files: string[];
  base: ResolvedGraph;
  sources: ParsedDocument[];
  collect: boolean;
};

let batch: ValidLine[] = [];
let inFlight = 0;
let acknowledged: (() => void) | undefined;
port.on('message', (message: 'ack') => {
  if (message !== 'ack') return;
  inFlight -= 1;
  acknowledged?.();
});

async function send(): Promise<void> {
  if (batch.length === 0) return;
  port?.postMessage({ kind: 'lines', lines: batch } satisfies WorkerMessage);
  batch = [];
  inFlight += 1;
  while (inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => (acknowledged = resolve));
}

const add = async (line: ValidLine) => {
  batch.push(line);
  if (batch.length >= BATCH) await send();
};

try {
  const result = await validateStreamFiles(
    files,
    base,
    sources,
    (lines) => port.postMessage({ kind: 'progress', lines } satisfies WorkerMessage),
    collect ? { line: add } : undefined,
  );
  await send();
  port.postMessage({
    kind: 'done',
    errors: result.errors,
    entities: result.entities,
    relations: result.relations,
  } satisfies WorkerMessage);
} catch (error) {
  port.postMessage({
    kind: 'failed',
    message: (error as Error).stack ?? String(error),
  } satisfies WorkerMessage);
}
port.close();

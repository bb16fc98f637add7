// Joins a Bolt message that arrived in several chunks into one buffer before the Neo4j driver reads it.
//
// Why: neo4j-driver-bolt-connection (6.x) keeps such a message as a CombinedBuffer of its chunks and reads it
// byte by byte, each read walking the list of chunks from the first, and decodes each string by walking the
// list again. A message costs its size times its number of chunks. Our statements answer one row, which at
// a million facts can be 1–2 MB in ~8 kB chunks: chainGaps' row spent about 100 ms of 270 in that walk on
// industry 1M (bench/RESULTS.md, "scale"). A single buffer takes the driver's other path: Buffer reads, and
// Buffer.toString for strings.
//
// The driver has no option for this, so the Dechunker's end-of-message step is wrapped here, once per
// process. It touches the driver's internals, so it checks their shape first and leaves the driver alone
// when they differ (a newer driver); tests/integration/bolt-messages.test.ts then fails and says so.
import { createRequire } from 'node:module';

interface ChunkBuffer {
  readonly _buffer: Buffer;
}

interface DechunkerInternals {
  _currentMessage: ChunkBuffer[];
  _onHeader(header: number): unknown;
}

type ChannelBufferClass = new (buffer: Buffer) => ChunkBuffer;

let installed: boolean | null = null;

/**
 * Makes the driver read every multi-chunk message from one buffer; true when that is in place (also on
 * later calls), false when the driver's internals are not the ones this was written for.
 */
export function joinChunkedMessages(): boolean {
  if (installed !== null) return installed;
  installed = false;
  // the driver's own copy of its connection package, whichever the install put where
  const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
  let Dechunker: { prototype: DechunkerInternals } | undefined;
  let ChannelBuffer: ChannelBufferClass | undefined;
  try {
    Dechunker = fromDriver('neo4j-driver-bolt-connection/lib/channel/chunking.js').Dechunker;
    ChannelBuffer = fromDriver('neo4j-driver-bolt-connection/lib/channel/channel-buf.js').default;
  } catch {
    return installed;
  }
  if (typeof Dechunker?.prototype._onHeader !== 'function' || typeof ChannelBuffer !== 'function')
    return installed;
  const onHeader = Dechunker.prototype._onHeader;
  const Joined = ChannelBuffer;
  Dechunker.prototype._onHeader = function (this: DechunkerInternals, header: number) {
    // header 0 ends a message; its chunks are slices of their own (position 0, the chunk's length)
    if (
      header === 0 &&
      this._currentMessage.length > 1 &&
      this._currentMessage.every((part) => Buffer.isBuffer(part._buffer))
    ) {
      this._currentMessage = [new Joined(Buffer.concat(this._currentMessage.map((part) => part._buffer)))];
    }
    return onHeader.call(this, header);
  };
  installed = true;
  return installed;
}

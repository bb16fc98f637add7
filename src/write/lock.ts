// One load at a time per database. Two loads would share the staging labels: the second one's cleanup
// would delete what the first one staged, and both would swap. So a load holds a lease, the node
// (:LoadLock {key:'load'}), from before its first staging write until its swap and cleanup are done:
//
// - taking it is one write transaction that locks the node first (SET before reading), so two loads
//   cannot both see it free;
// - the holder renews `heartbeatAt` every HEARTBEAT_MS; a lease not renewed for STALE_MS is free, so a
//   load killed with SIGKILL (or on a machine that went away) does not block the next one for long;
// - a lease held by a process of THIS host that no longer exists is free at once (the common case: a
//   load interrupted a moment ago, then run again);
// - the holder deletes the node when it ends, whether it succeeded or failed.
//
// The node carries none of the labels queries read (:Entity, :Passage, :Meta), so no answer sees it.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Database, StatementCounter } from '../infra/database.ts';
import { CskgError } from '../infra/errors.ts';
import { processAlive } from '../infra/processes.ts';

const HEARTBEAT_MS = 10_000;
const STALE_MS = 60_000;

export interface LoadLease {
  /** stops the heartbeat and deletes the lock node if this lease still holds it */
  release(): Promise<void>;
}

interface Holder {
  readonly owner: string;
  readonly host: string;
  readonly pid: number;
  readonly since: string;
  readonly heartbeatAt: number;
}

/** Takes the load lease or throws LoadInProgressError naming who holds it. */
export async function acquireLoadLease(
  db: Database,
  counter: StatementCounter,
  options: { staleMs?: number; heartbeatMs?: number } = {},
): Promise<LoadLease> {
  const staleMs = options.staleMs ?? STALE_MS;
  const me = { owner: randomUUID(), host: os.hostname(), pid: process.pid };
  const [row] = await db.write(
    {
      cypher: /* Cypher */ `
        MERGE (l:LoadLock {key: 'load'})
        SET l.locking = true
        WITH l, l.owner AS previous, l.host AS host, l.pid AS pid, l.since AS since, l.heartbeatAt AS heartbeatAt
        WITH l, previous, host, pid, since, heartbeatAt,
          previous IS NULL OR heartbeatAt < $now - $staleMs AS free
        FOREACH (_ IN CASE WHEN free THEN [1] ELSE [] END |
          SET l.owner = $owner, l.host = $host, l.pid = $pid, l.since = $since, l.heartbeatAt = $now)
        REMOVE l.locking
        RETURN free, previous, host, pid, since, heartbeatAt`,
      params: { ...me, now: Date.now(), since: new Date().toISOString(), staleMs },
    },
    counter,
  );
  if (!row) throw new CskgError('INTERNAL', 'Taking the load lock returned no row.');
  if (!row.free) {
    const holder: Holder = {
      owner: row.previous as string,
      host: row.host as string,
      pid: Number(row.pid),
      since: row.since as string,
      heartbeatAt: Number(row.heartbeatAt),
    };
    // A holder on this host whose process is gone: take it over at once rather than wait for STALE_MS.
    if (holder.host === me.host && !processAlive(holder.pid)) {
      const taken = await takeOver(db, counter, me, holder.owner);
      if (taken) return startLease(db, me.owner, options.heartbeatMs ?? HEARTBEAT_MS);
    }
    throw new LoadInProgressError(holder, staleMs);
  }
  return startLease(db, me.owner, options.heartbeatMs ?? HEARTBEAT_MS);
}

/** Replaces a dead holder's lease with ours, if it is still that holder's (another load may have been quicker). */
async function takeOver(
  db: Database,
  counter: StatementCounter,
  me: { owner: string; host: string; pid: number },
  deadOwner: string,
): Promise<boolean> {
  const [row] = await db.write(
    {
      cypher: /* Cypher */ `
        MATCH (l:LoadLock {key: 'load'})
        SET l.locking = true
        WITH l, l.owner = $deadOwner AS mine
        FOREACH (_ IN CASE WHEN mine THEN [1] ELSE [] END |
          SET l.owner = $owner, l.host = $host, l.pid = $pid, l.since = $since, l.heartbeatAt = $now)
        REMOVE l.locking
        RETURN mine`,
      params: { ...me, deadOwner, now: Date.now(), since: new Date().toISOString() },
    },
    counter,
  );
  return row?.mine === true;
}

function startLease(db: Database, owner: string, heartbeatMs: number): LoadLease {
  const timer = setInterval(() => {
    db.write({
      cypher: /* Cypher */ `MATCH (l:LoadLock {key: 'load', owner: $owner}) SET l.heartbeatAt = $now`,
      params: { owner, now: Date.now() },
    }).catch(() => {
      // Neo4j away for a moment: the load's own statements fail and say so; the lease just ages.
    });
  }, heartbeatMs);
  timer.unref();
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      // Never in the way of the load's own outcome (this runs in a finally): if Neo4j cannot be reached
      // now, the lease lapses, or the next load on this machine takes it over from this dead process.
      await db
        .write({
          cypher: /* Cypher */ `MATCH (l:LoadLock {key: 'load', owner: $owner}) DELETE l`,
          params: { owner },
        })
        .catch(() => undefined);
    },
  };
}

/** Another load holds the lease on this database. */
export class LoadInProgressError extends CskgError {
  constructor(holder: Holder, staleMs: number) {
    const age = Math.max(0, Math.round((Date.now() - holder.heartbeatAt) / 1000));
    super(
      'SERVICE_UNAVAILABLE',
      `Another load is writing to this database (process ${holder.pid} on ${holder.host}, since ${holder.since}; ` +
        `last sign of life ${age} s ago); nothing was written. Wait for it to finish and run the load again. ` +
        `If that process is gone, its lock lapses ${Math.round(staleMs / 1000)} s after its last sign of life.`,
    );
  }
}

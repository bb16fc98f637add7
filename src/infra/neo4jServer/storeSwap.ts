// The store folders of the local server and how the bulk loader replaces one by another without ever
// leaving a half-built graph behind. Beside the live store folder `<home>` (CSKG_NEO4J_DATA) the bulk
// loader builds `<home>.next`; once that is complete (imported, indexed, stamped, shut down cleanly) and
// the server is stopped, two renames swap them: `<home>` → `<home>.retired`, then `<home>.next` →
// `<home>`. The first rename is the commit point. A process killed at any moment leaves one of these
// states, which `recoverStoreSwap` (run before every start of the local server) completes:
//
//   <home> and <home>.next            killed before the commit: the new store is discarded (undo)
//   <home>.retired and <home>.next    killed between the renames: the second one is done (finish)
//   <home> and <home>.retired         killed after the swap: the retired store is deleted
//   <home>.retired alone              cannot happen through the loader; the old store is put back
//
// A bulk load holds `<home>.bulk-lock` (its pid) from start to end, so that a server starting meanwhile
// does not "recover" a store folder that is still being built; a lock whose process is gone is stale.
// Neo4j's own lock on a store (a POSIX lock on <home>/data/databases/store_lock) is read from /proc/locks to
// name the process that holds it.
import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from '../processes.ts';

export interface StorePaths {
  /** the live store folder: a Neo4j home (data/, logs/) plus cskg's log files */
  readonly home: string;
  /** where a bulk load builds the new store */
  readonly next: string;
  /** where the replaced store waits for deletion */
  readonly retired: string;
  /** held (pid inside) while a bulk load runs */
  readonly lock: string;
}

export function storePaths(home: string): StorePaths {
  const resolved = path.resolve(home);
  return {
    home: resolved,
    next: `${resolved}.next`,
    retired: `${resolved}.retired`,
    lock: `${resolved}.bulk-lock`,
  };
}

export type RecoveryAction = 'none' | 'discard-next' | 'finish-swap' | 'delete-retired' | 'restore-retired';

/** What to do with the folders found, by the table in the header. Pure, so it is unit-tested. */
export function recoveryAction(found: { home: boolean; next: boolean; retired: boolean }): RecoveryAction {
  if (!found.home && found.retired) return found.next ? 'finish-swap' : 'restore-retired';
  if (found.home && found.retired) return 'delete-retired';
  if (found.next) return 'discard-next';
  return 'none';
}

export interface Recovery {
  readonly action: RecoveryAction | 'skipped';
  /** why the folders were left alone ('skipped') */
  readonly reason?: string;
}

/**
 * Finishes or undoes a swap a killed bulk load left half done, and removes its leftovers. Does nothing
 * while another live process holds the bulk lock or Neo4j's lock on the store.
 */
export function recoverStoreSwap(home: string): Recovery {
  const paths = storePaths(home);
  const loader = bulkLockHolder(paths);
  if (loader !== undefined && loader !== process.pid) {
    return { action: 'skipped', reason: `a bulk load (pid ${loader}) is running on ${paths.home}` };
  }
  const server = storeLockHolder(paths.home);
  if (server !== undefined) {
    return { action: 'skipped', reason: `Neo4j (pid ${server}) has ${paths.home} open` };
  }
  const action = recoveryAction({
    home: fs.existsSync(paths.home),
    next: fs.existsSync(paths.next),
    retired: fs.existsSync(paths.retired),
  });
  switch (action) {
    case 'finish-swap':
      fs.renameSync(paths.next, paths.home);
      syncDirectory(path.dirname(paths.home));
      fs.rmSync(paths.retired, { recursive: true, force: true });
      break;
    case 'restore-retired':
      fs.renameSync(paths.retired, paths.home);
      syncDirectory(path.dirname(paths.home));
      break;
    case 'delete-retired':
      fs.rmSync(paths.retired, { recursive: true, force: true });
      break;
    case 'discard-next':
      fs.rmSync(paths.next, { recursive: true, force: true });
      break;
    case 'none':
      break;
  }
  if (loader === undefined) fs.rmSync(paths.lock, { force: true }); // a stale lock of a killed load
  return { action };
}

/**
 * The swap itself, with the server stopped: `<home>` → `<home>.retired` (the commit point), then
 * `<home>.next` → `<home>`. `pause` lets the crash tests stop the process between the steps.
 */
export function swapStoreFolders(paths: StorePaths, pause: (point: SwapPoint) => void = () => {}): void {
  const parent = path.dirname(paths.home);
  syncDirectory(paths.next);
  pause('before-swap');
  fs.renameSync(paths.home, paths.retired);
  syncDirectory(parent);
  pause('mid-swap');
  fs.renameSync(paths.next, paths.home);
  syncDirectory(parent);
  pause('after-swap');
}

export type SwapPoint = 'before-swap' | 'mid-swap' | 'after-swap';

/** Takes the bulk lock of a store; throws when another live process holds it. */
export function acquireBulkLock(paths: StorePaths): () => void {
  const holder = bulkLockHolder(paths);
  if (holder !== undefined && holder !== process.pid) {
    throw new Error(
      `Another bulk load (pid ${holder}) is running on ${paths.home}; wait for it, or stop that process.`,
    );
  }
  fs.writeFileSync(paths.lock, `${process.pid}\n`);
  return () => {
    if (bulkLockHolder(paths) === process.pid) fs.rmSync(paths.lock, { force: true });
  };
}

/** The pid in the bulk lock when that process is alive; undefined for no lock or a stale one. */
function bulkLockHolder(paths: StorePaths): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(paths.lock, 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return processAlive(pid) ? pid : undefined;
}

/**
 * The pid of the process holding Neo4j's lock on the store folder `home` (`<home>/data/databases/store_lock`),
 * read from /proc/locks; undefined when nobody holds it, or when this is not Linux and it cannot be told.
 */
export function storeLockHolder(home: string): number | undefined {
  let stat: fs.Stats;
  let locks: string;
  try {
    stat = fs.statSync(path.join(home, 'data', 'databases', 'store_lock'));
    locks = fs.readFileSync('/proc/locks', 'utf8');
  } catch {
    return undefined;
  }
  return lockHolderIn(locks, stat.dev, stat.ino);
}

/**
 * Finds the holder of a file's lock in the text of /proc/locks (`1: POSIX ADVISORY WRITE <pid>
 * <major>:<minor>:<inode> 0 EOF`, major and minor in hex). Pure, so it is unit-tested.
 */
export function lockHolderIn(locks: string, dev: number, ino: number): number | undefined {
  const major = Math.floor(dev / 256) & 0xfff;
  const minor = (dev & 0xff) | (Math.floor(dev / 4096) & ~0xff);
  for (const line of locks.split('\n')) {
    const match = /^\d+:\s+(?:->\s+)?\S+\s+\S+\s+\S+\s+(\d+)\s+([0-9a-f]+):([0-9a-f]+):(\d+)\s/.exec(line);
    if (!match) continue;
    const [, pid, maj, min, inode] = match;
    if (Number(inode) === ino && parseInt(maj ?? '', 16) === major && parseInt(min ?? '', 16) === minor) {
      return Number(pid);
    }
  }
  return undefined;
}

/** fsync of a directory, so that a rename in it survives a crash of the machine too (best effort). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a directory; the rename is still atomic for processes
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

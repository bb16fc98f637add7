// Whether a process of this machine is running, for the two places that decide if a pid they find on disk
// or in Neo4j still belongs to a live process: the load lease (src/write/lock.ts) and the store swap's
// record of the server it stopped (src/infra/neo4jServer/storeSwap.ts).

/** True while a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

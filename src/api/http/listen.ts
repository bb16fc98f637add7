// Binds the HTTP server, turning "port taken" into an error that says what to do.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CskgError } from '../../infra/errors.ts';

export class PortInUseError extends CskgError {
  constructor(host: string, port: number) {
    super(
      'INTERNAL',
      `Port ${port} on ${host} is already in use (is cskg already running?). ` +
        `Start on another port with PORT=${port + 1} npm start, or PORT=0 for any free port.`,
    );
  }
}

/** Listens on host:port (0 = any free port) and resolves with the port actually bound. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

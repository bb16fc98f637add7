// Entry of the worker thread that validates streamed graph files for the bulk loader (validationWorker.ts).
// The sources are TypeScript run through tsx; a worker does not inherit the loader the command line
// registered, so it registers tsx itself before loading the module.
import { register } from 'tsx/esm/api';

register();
await import('./validationWorker.ts');

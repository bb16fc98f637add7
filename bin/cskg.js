#!/usr/bin/env node
// The cskg command. The sources are TypeScript run through tsx (no build step), so register tsx's ESM
// loader first, then hand over to src/cli/main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);

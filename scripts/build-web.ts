// `npm run build:web`: builds the explorer (web/ → web/dist) with vite, unless web/dist is already newer
// than everything it is built from, so a second `npm start` does not spend seconds rebuilding an unchanged
// page. `--force` builds anyway.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/infra/config.ts';

const inputs = ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'];
const output = path.join(PROJECT_ROOT, 'web/dist/index.html');

function newestMtime(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
const newest = Math.max(...inputs.map((input) => newestMtime(path.join(PROJECT_ROOT, input))));
if (!process.argv.includes('--force') && built > newest) process.exit(0);

const vite = path.join(PROJECT_ROOT, 'node_modules/vite/bin/vite.js');
const result = spawnSync(
  process.execPath,
  [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);

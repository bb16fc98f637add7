// A progress bar on stderr for long loads and exports (nothing is drawn when stderr is not a terminal,
// so logs and pipes stay clean).
import cliProgress from 'cli-progress';

export interface ProgressBar {
  update(done: number, total: number, phase: string): void;
  stop(): void;
}

export function createProgressBar(title: string): ProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${title} |{bar}| {percentage}% {value}/{total} {phase}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, phase) {
      if (!started) {
        bar.start(Math.max(total, 1), 0, { phase });
        started = true;
      }
      if (total > 0) bar.setTotal(total);
      bar.update(done, { phase });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

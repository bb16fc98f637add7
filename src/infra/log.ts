// A small leveled logger writing to stderr, so stdout stays clean for CLI output (tables, exports).
import type { LogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
  readonly level: LogLevel;
}

export function createLogger(level: LogLevel, scope = 'cskg'): Logger {
  const write = (at: LogLevel, message: string, details?: Record<string, unknown>) => {
    if (ORDER[at] < ORDER[level]) return;
    const suffix = details && Object.keys(details).length ? ' ' + JSON.stringify(details) : '';
    process.stderr.write(`[${scope}] ${at === 'info' ? '' : at.toUpperCase() + ' '}${message}${suffix}\n`);
  };
  return {
    level,
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

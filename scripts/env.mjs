// Reads an optional .env file (KEY=VALUE lines) into an object; real environment variables win over it.
import { existsSync, readFileSync } from 'node:fs';

export function loadEnv(file = '.env') {
  const fromFile = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const m = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/);
      if (!m) continue;
      fromFile[m[1]] = m[2].replace(/(^|\s+)#.*$/, '').replace(/^(['"])(.*)\1$/, '$2');
    }
  }
  return { ...fromFile, ...process.env };
}

// Prints the end of a product log (pino JSON lines) one short line per entry:
// time, level, and the API request (method, url, status, ms) or the message;
// requests for the web app's files are left out.
// Usage: node tools/log-tail.mjs <file> [lines]
import { readFileSync } from 'node:fs';

const [file, count = '150'] = process.argv.slice(2);
const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

let text;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.log(`(no log: ${error.message})`);
  process.exit(0);
}
const entries = text
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    try {
      return JSON.parse(line);
    } catch {
      return line;
    }
  })
  .filter((entry) => typeof entry === 'string' || !entry.req || entry.req.url.startsWith('/api'));
for (const entry of entries.slice(-Number(count))) {
  if (typeof entry === 'string') {
    console.log(entry);
    continue;
  }
  const time = new Date(entry.time).toISOString().slice(11, 23);
  const level = LEVELS[entry.level] ?? entry.level;
  const what = entry.req
    ? `${entry.req.method} ${entry.req.url} -> ${entry.res?.statusCode ?? '-'} ${Math.round(entry.responseTime ?? 0)} ms`
    : `${entry.context ? `[${entry.context}] ` : ''}${entry.msg ?? ''}`;
  const error = entry.err ? ` | ${entry.err.type ?? ''} ${entry.err.message ?? ''}` : '';
  console.log(`${time} ${level} ${what}${error}`);
}

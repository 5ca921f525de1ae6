// CPU time of a process (user + system, from /proc), the figure that says what a request costs whatever else the machine
// runs: latencies and throughput move with the neighbours, CPU per request much less.
import { readFileSync } from 'node:fs';

/** utime + stime of `pid` in ms (clock ticks, USER_HZ = 100), or null off Linux. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Runs `work` and answers the CPU ms `pid` spent per request (`count` requests), or null off Linux. */
export async function cpuPerRequest(pid, count, work) {
  const before = cpuMs(pid);
  const result = await work();
  const after = cpuMs(pid);
  return { result, cpu: before === null || after === null ? null : (after - before) / count };
}

export const fmtCpu = (cpu) => (cpu === null ? 'n/a' : `${cpu.toFixed(3)} ms`);

// CPU time of processes the bench does not run in its own: Prism (a child process of its own) and the child process
// trees of the matrix, read from Linux's /proc.
import { readFileSync } from 'node:fs';

/** Fields 3… of /proc/PID/stat (after the command name, which may hold spaces). */
function statFields(pid: number | 'self'): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime of a Linux process, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second). */
export function processCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * cutime + cstime of this process (fields 16 and 17): the CPU seconds of its children that have ended, their own
 * waited-for children included — what a child process tree such as `npx tsx scripts/verify-suite.ts` used in all.
 */
export function endedChildrenCpuSeconds(): number {
  const fields = statFields('self');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

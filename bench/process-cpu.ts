// CPU time of processes read from /proc (Linux): the Chromium processes this benchmark launched
// (found as descendants of this Node process, so other browsers on the machine are never
// counted), the LiveKit server, and the whole machine for context.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = readClockTicks();

function readClockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

interface ProcessEntry {
  pid: number;
  parentPid: number;
  /** utime + stime, in seconds. */
  cpuSeconds: number;
  commandLine: string;
}

function readProcess(pid: number): ProcessEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const parentPid = Number(fields[1]);
    const ticks = Number(fields[11]) + Number(fields[12]);
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    return { pid, parentPid, cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, commandLine };
  } catch {
    return undefined; // the process ended while the table was read
  }
}

function allProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProcess(Number(name));
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Every process below `rootPid`, at any depth. */
export function descendantsOf(rootPid: number): ProcessEntry[] {
  const processes = allProcesses();
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of processes) {
    const siblings = children.get(entry.parentPid) ?? [];
    siblings.push(entry);
    children.set(entry.parentPid, siblings);
  }
  const found: ProcessEntry[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      pending.push(child.pid);
    }
  }
  return found;
}

export type ChromiumRole = 'renderer' | 'gpu' | 'browser' | 'other';

export function chromiumRoleOf(commandLine: string): ChromiumRole | undefined {
  if (!/chromium|chrome/i.test(commandLine.split(' ')[0] ?? '')) return undefined;
  if (commandLine.includes('--type=renderer')) return commandLine.includes('--extension-process') ? 'other' : 'renderer';
  if (commandLine.includes('--type=gpu-process')) return 'gpu';
  if (!commandLine.includes('--type=')) return 'browser';
  return 'other';
}

/** CPU seconds used so far by each role of the Chromium processes this Node process launched. */
export interface ChromiumCpuSnapshot {
  renderer: number;
  gpu: number;
  browser: number;
  other: number;
  rendererPids: number[];
}

export function chromiumCpuSnapshot(rootPid = process.pid): ChromiumCpuSnapshot {
  const snapshot: ChromiumCpuSnapshot = { renderer: 0, gpu: 0, browser: 0, other: 0, rendererPids: [] };
  for (const entry of descendantsOf(rootPid)) {
    const role = chromiumRoleOf(entry.commandLine);
    if (!role) continue;
    snapshot[role] += entry.cpuSeconds;
    if (role === 'renderer') snapshot.rendererPids.push(entry.pid);
  }
  return snapshot;
}

/** CPU seconds of the LiveKit server(s) this Node process started. */
export function livekitCpuSeconds(rootPid = process.pid): number {
  return programCpuSeconds(/visio-devstack\/bin\/server|livekit-server/, rootPid);
}

/** CPU seconds of the programs below this Node process whose path holds `path` (e.g. bench/crowd's). */
export function programCpuSeconds(path: string | RegExp, rootPid = process.pid): number {
  const matches = (program: string) => (typeof path === 'string' ? program.includes(path) : path.test(program));
  return descendantsOf(rootPid)
    .filter((entry) => matches(entry.commandLine.split(' ')[0] ?? ''))
    .reduce((total, entry) => total + entry.cpuSeconds, 0);
}

/** CPU seconds of this Node process (driver and the bots' native media threads). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1_000_000;
}

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
export function machineCpuTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** Resident memory of the given processes together, in bytes (0 for one that has ended). */
export function residentBytes(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
      total += Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/** What a measurement window saw: the page's figures at both ends, and the CPU used in between. */
export interface CpuWindow<Sample> {
  start: Sample;
  end: Sample;
  /** Seconds between the two samples. */
  elapsed: number;
  /** CPU of the launched Chromium's renderer and GPU processes, in percent of one core. */
  rendererPercent: number;
  gpuPercent: number;
  /** The whole machine's busy share, in percent. */
  machinePercent: number;
  load: string;
}

/**
 * Reads `sample` (the page's own counters), waits `seconds`, reads it again, and gives the CPU
 * that the launched Chromium and the machine used in between.
 */
export async function measureCpuWindow<Sample>(seconds: number, sample: () => Promise<Sample>): Promise<CpuWindow<Sample>> {
  const start = await sample();
  const startCpu = chromiumCpuSnapshot();
  const startMachine = machineCpuTicks();
  const startedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const end = await sample();
  const endCpu = chromiumCpuSnapshot();
  const endMachine = machineCpuTicks();
  const elapsed = (performance.now() - startedAt) / 1000;
  return {
    start,
    end,
    elapsed,
    rendererPercent: (100 * (endCpu.renderer - startCpu.renderer)) / elapsed,
    gpuPercent: (100 * (endCpu.gpu - startCpu.gpu)) / elapsed,
    machinePercent: (100 * (endMachine.busy - startMachine.busy)) / Math.max(1, endMachine.total - startMachine.total),
    load: loadAverage(),
  };
}

// A bench child: one conformance run alone in its process (`tsx bench/harness-process.ts URL ROLE [ONLY…]`), which
// sends the parent its peak RSS (process.resourceUsage().maxRSS, kilobytes) and the run's outcome over IPC.
import { runConformance, type Summary } from '../conformance/index.ts';

export interface HarnessProcessResult {
  maxRssKb: number;
  /** Peak RSS once the suite is loaded, before the run: what loading the code costs, apart from running it. */
  maxRssKbBeforeRun: number;
  heapUsedMbAtEnd: number;
  seconds: number;
  /** CPU seconds (user + system) of the run, against its wall `seconds`. */
  cpuSeconds: number;
  conformant: boolean;
  summary: Summary;
}

const [target, role, ...only] = process.argv.slice(2);
if (process.send && target && (role === 'carrier' || role === 'platform')) {
  const maxRssKbBeforeRun = process.resourceUsage().maxRSS;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await runConformance({ target, role, ...(only.length > 0 ? { only } : {}) });
  const used = process.cpuUsage(cpu);
  const result: HarnessProcessResult = {
    maxRssKb: process.resourceUsage().maxRSS,
    maxRssKbBeforeRun,
    heapUsedMbAtEnd: process.memoryUsage().heapUsed / 1024 / 1024,
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    conformant: report.conformant,
    summary: report.summary,
  };
  process.send(result, () => process.disconnect());
}

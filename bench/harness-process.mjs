// A bench child in plain JavaScript: one conformance run alone in its process, which sends the parent its peak RSS
// (process.resourceUsage().maxRSS, kilobytes) and the run's outcome over IPC (peak-rss.ts).
//   node bench/harness-process.mjs dist|sources URL ROLE [ONLY…]
// `dist` runs the compiled package (dist/), as a vendor's installed `ecdx test` does, with no TypeScript loader in
// memory; `sources` runs the checkout's sources and needs the process started with `--import tsx`.
const [from, target, role, ...only] = process.argv.slice(2);
if (process.send && (from === 'dist' || from === 'sources') && target && (role === 'carrier' || role === 'platform')) {
  const { runConformance } = await import(from === 'dist' ? '../dist/conformance/index.js' : '../conformance/index.ts');
  const maxRssKbBeforeRun = process.resourceUsage().maxRSS;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await runConformance({ target, role, ...(only.length > 0 ? { only } : {}) });
  const used = process.cpuUsage(cpu);
  process.send(
    {
      maxRssKb: process.resourceUsage().maxRSS,
      maxRssKbBeforeRun,
      heapUsedMbAtEnd: process.memoryUsage().heapUsed / 1024 / 1024,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      conformant: report.conformant,
      summary: report.summary,
    },
    () => process.disconnect(),
  );
}

// A bench child in plain JavaScript: one conformance run from the compiled package (dist/), alone in its process,
// as a vendor runs `ecdx test` from the installed package (no TypeScript loader in memory). Same protocol as
// harness-process.ts: `node bench/harness-dist.mjs URL ROLE [ONLY…]`, the result over IPC.
const [target, role, ...only] = process.argv.slice(2);
if (process.send && target && (role === 'carrier' || role === 'platform')) {
  const { runConformance } = await import('../dist/conformance/index.js');
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

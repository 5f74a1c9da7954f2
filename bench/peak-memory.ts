/**
 * Preloaded into a child process by xlsx.bench.ts (`node -r peak-memory.js …`): when the process exits,
 * writes its peak resident memory and CPU time as one JSON line to the file named by SAKIP_BENCH_REPORT.
 */
import { writeFileSync } from "node:fs";

const report = process.env.SAKIP_BENCH_REPORT;
if (report) {
  process.on("exit", (code) => {
    const usage = process.resourceUsage();
    writeFileSync(report, JSON.stringify({ code, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}

// Preloaded by the benchmarks (`node --import bench/api/event-loop-probe.mjs <script>`) into a
// server they start with an IPC channel: measures the event loop's delay with
// perf_hooks.monitorEventLoopDelay and answers { p50, p99, max } in milliseconds when asked
// ({ type: 'bench:event-loop', command: 'reset' | 'read' }). Nothing in the API changes; without
// an IPC channel (a normal start) this file does nothing.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  process.on('message', (message) => {
    if (message?.type !== 'bench:event-loop') return;
    const figures = { p50: histogram.percentile(50) / 1e6, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
    if (message.command === 'reset') histogram.reset();
    process.send?.(figures);
  });
  // The channel must not keep a process alive that would otherwise exit.
  process.channel?.unref();
}

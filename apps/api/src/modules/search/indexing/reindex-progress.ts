import cliProgress from 'cli-progress';
import type { ReindexProgress } from './search-indexer.js';

/**
 * Progress of `search:reindex`: a bar on a terminal, plain lines (about every 10%) otherwise,
 * so logs of scheduled runs stay readable.
 */
export function reindexProgress(stream: NodeJS.WriteStream = process.stderr): { update: (progress: ReindexProgress) => void; stop: () => void } {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ stream, format: 'Indexing {bar} {percentage}% | {value}/{total} resources | {eta_formatted} left', hideCursor: true }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update: ({ done, total }) => {
        if (!started) bar.start(total, done);
        else bar.setTotal(total);
        bar.update(done);
        started = true;
      },
      stop: () => bar.stop(),
    };
  }
  let lastDecile = -1;
  return {
    update: ({ done, total }) => {
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile === lastDecile) return;
      lastDecile = decile;
      stream.write(`Indexed ${done}/${total} resources (${total === 0 ? 100 : Math.round((done / total) * 100)}%)\n`);
    },
    stop: () => undefined,
  };
}

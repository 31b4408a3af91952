/** One benchmark section of `npm run bench`. Add a module to the list in scripts/bench.ts. */
export interface BenchRow {
  /** What was measured, e.g. "sha256 4 MiB". Rows with the same case are compared with each other. */
  case: string;
  method: string;
  bytes: number;
  /** Median wall time in milliseconds. */
  ms: number;
}

export interface BenchModule {
  name: string;
  /** Printed above the table: where it runs and what the methods are. */
  describe(): string;
  /** The method every other one in the same case is compared with (ratio = its time / theirs). */
  baseline: string;
  run(): Promise<BenchRow[]>;
}

export const MIB = 1024 * 1024;

export const mbPerSecond = (row: BenchRow) => row.bytes / 1e6 / (row.ms / 1000);

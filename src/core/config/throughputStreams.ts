/**
 * TPC-H clause 5.3.4: the minimum number of query streams of the throughput test for each
 * scale factor the spec lists. The spec starts at SF 1; smaller (test-sized) scale factors
 * get SF 1's two streams, and a scale factor between two listed ones the smaller one's count.
 */
const MINIMUM_STREAMS: ReadonlyArray<readonly [scaleFactor: number, streams: number]> = [
  [1, 2], [10, 3], [30, 4], [100, 5], [300, 6], [1000, 7], [3000, 8], [10_000, 9], [30_000, 10], [100_000, 11],
];

export function minimumThroughputStreams(scaleFactor: number): number {
  let streams = MINIMUM_STREAMS[0][1];
  for (const [listed, count] of MINIMUM_STREAMS) if (scaleFactor >= listed) streams = count;
  return streams;
}

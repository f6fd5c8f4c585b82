import { describe, expect, it } from 'vitest';
import { instructionCount, perQuestion } from '../../scripts/bench/instructions.js';

describe('bench:instructions', () => {
  it('reads the instruction count from cachegrind’s summary', () => {
    const stderr = ['==16419== Cachegrind, a high-precision tracing profiler', '==16419== ', '==16419== I   refs:      8,704,079,957', ''].join('\n');
    expect(instructionCount(stderr)).toBe(8_704_079_957);
  });

  it('says so when valgrind printed no count (a crashed run is not a figure)', () => {
    expect(() => instructionCount('==1== error while loading shared libraries')).toThrow(/^bench:instructions: no instruction count/);
  });

  it('counts per question what the passes added to the run without them', () => {
    expect(perQuestion(1_000_000, 3_000_000, 100, 2)).toBe(10_000);
    expect(() => perQuestion(1, 2, 0, 2)).toThrow(/no questions/);
  });
});

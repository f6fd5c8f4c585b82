/** Boilerplate lines that no list has to name: counters. Shared by the text and HTML readers. */

/**
 * Lines dropped as boilerplate whatever the boilerplate list says
 * (`DEFAULT_BOILERPLATE` or the manifest's): a page's counters, which say
 * nothing a question could ask ("0 comments", "12 out of 15 found this
 * helpful", "1,204 views", "Updated 3 days ago"). Part of the index fingerprint.
 */
export const COUNTER_LINE = /^(?:[\d,.]+ (?:comments?|replies|views?|likes?|votes?|shares?|followers?)|[\d,.]+ out of [\d,.]+ found this helpful|(?:updated|posted|edited|modified) (?:an?|[\d,.]+) (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago)$/i;

/** Whether a line (trimmed) is boilerplate: one of `drop` (lower case) or a counter ({@link COUNTER_LINE}). */
export function isBoilerplate(line: string, drop: ReadonlySet<string>): boolean {
  return drop.has(line.toLowerCase()) || COUNTER_LINE.test(line);
}

/** "1 entry", "2 entries", "0 files": a count with its noun, for log lines and messages. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Counters exposed at /metrics in Prometheus text format. */
export class Metrics {
  private readonly counters = new Map<string, number>();

  inc(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  render(): string {
    return [...this.counters].map(([k, v]) => `# TYPE remitd_${k} counter\nremitd_${k} ${v}`).join('\n') + '\n';
  }
}

/** Counters and gauges exposed at /metrics in Prometheus text format. */
export class Metrics {
  private readonly counters = new Map<string, number>();
  private readonly gauges = new Map<string, number>();

  inc(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  /** A value read when scraped (e.g. how many notifications were given up), not accumulated. */
  set(name: string, value: number): void {
    this.gauges.set(name, value);
  }

  render(): string {
    return (
      [
        ...[...this.counters].map(([k, v]) => `# TYPE remitd_${k} counter\nremitd_${k} ${v}`),
        ...[...this.gauges].map(([k, v]) => `# TYPE remitd_${k} gauge\nremitd_${k} ${v}`),
      ].join('\n') + '\n'
    );
  }
}

import { buildCamt, closingFor, type CamtEntrySpec } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, as prom-client writes it: `# TYPE name kind` and `name{labels} value` lines. */
function parseMetrics(text: string) {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a metric line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  const sample = (name: string, labels: Record<string, string> = {}) =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
  return { types, samples, sample };
}

describe('metrics item 12: prom-client histograms (file-to-credit, batch duration, API latency) and process metrics on /metrics', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startSystem();
  });
  afterAll(() => sys.close());

  it("after one reconciled file the reconciler's /metrics holds the file-to-credit and batch histograms, counters and process metrics", async () => {
    const c = await sys.customer({ name: 'Metrics GmbH' });
    const entries: CamtEntrySpec[] = [
      { ref: 'MET-1', amount: '40.00', creditedAccount: c.virtualAccount, remitterName: 'Metrics GmbH' },
      { ref: 'MET-2', amount: '60.00', creditedAccount: c.virtualAccount, remitterName: 'Metrics GmbH' },
      { ref: 'MET-3', amount: '7.00', remitterName: 'Somebody Else' },
    ];
    sys.drop(
      'metrics.xml',
      buildCamt({
        statementId: 'MET',
        account: 'DE89370400440532013000',
        opening: '0.00',
        closing: closingFor('0.00', entries),
        entries,
      }),
    );
    const t = await sys.tick();
    expect(t.reconciled).toMatchObject({ credited: 2, unmatched: 1 });

    const res = await fetch(`http://127.0.0.1:${sys.reconciler.port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const m = parseMetrics(await res.text());

    expect(m.types.get('remitd_file_to_credit_seconds')).toBe('histogram');
    expect(m.sample('remitd_file_to_credit_seconds_count')).toBe(2);
    expect(m.sample('remitd_file_to_credit_seconds_bucket', { le: '+Inf' })).toBe(2);
    expect(m.sample('remitd_file_to_credit_seconds_sum')).toBeGreaterThan(0);
    expect(m.sample('remitd_file_to_credit_seconds_sum')).toBeLessThan(120);

    expect(m.types.get('remitd_reconciliation_batch_duration_seconds')).toBe('histogram');
    expect(m.sample('remitd_reconciliation_batch_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(m.sample('remitd_reconciliation_batch_duration_seconds_sum')).toBeGreaterThan(0);

    expect(m.types.get('remitd_entries_credited_total')).toBe('counter');
    expect(m.sample('remitd_entries_credited_total')).toBe(2);
    expect(m.sample('remitd_entries_unmatched_total')).toBe(1);
    // the outbox gauges (issue 11 item 16) keep their names
    expect(m.types.get('remitd_notifications_failed')).toBe('gauge');
    expect(m.sample('remitd_notifications_failed')).toBe(0);
    // prom-client's default process metrics
    expect(m.sample('process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(m.sample('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(m.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });

  it("the admin API's /metrics needs an admin key and times requests by route template and status", async () => {
    const c = await sys.customer({ name: 'Latency Ltd' });
    await sys.http().get(`/customers/${c.id}`).set(sys.auth).expect(200);
    await sys.http().get('/customers/00000000-0000-4000-8000-000000000000').set(sys.auth).expect(404);
    await sys.http().get('/customers').expect(401);

    expect((await sys.http().get('/metrics')).status).toBe(401);
    const finance = { Authorization: `Bearer ${await sys.keyFor('finance')}` };
    expect((await sys.http().get('/metrics').set(finance)).status).toBe(403);
    const res = await sys.http().get('/metrics').set(sys.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const m = parseMetrics(res.text);

    const name = 'remitd_http_request_duration_seconds';
    expect(m.types.get(name)).toBe('histogram');
    expect(m.sample(`${name}_count`, { method: 'GET', route: '/customers/:id', status: '200' })).toBe(1);
    expect(m.sample(`${name}_count`, { method: 'GET', route: '/customers/:id', status: '404' })).toBe(1);
    expect(m.sample(`${name}_count`, { method: 'GET', route: '/customers', status: '401' })).toBe(1);
    expect(m.sample(`${name}_bucket`, { method: 'GET', route: '/customers/:id', status: '200', le: '+Inf' })).toBe(1);
    // never the id: one series per route template
    expect(m.samples.filter((s) => s.name.startsWith(name) && s.labels.route?.includes(c.id))).toEqual([]);
    expect(m.sample('process_resident_memory_bytes')).toBeGreaterThan(0);
    // not an API operation: left out of the OpenAPI document
    const doc = await sys.http().get('/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).not.toContain('/metrics');
  });
});

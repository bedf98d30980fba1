import { AreaChart, LineChart } from '@mantine/charts';
import { Anchor, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useDashboard, type Dashboard } from '../../api/dashboard';
import { formatDate, formatMoney } from '../customers/format';
import { QueryState } from '../customers/QueryState';

const DAYS = 30;

/** the API's rate (0 to 1, null on a day nothing arrived) as a percentage with one decimal */
const ratePercent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

const shortDay = (day: string) => formatDate(day);

/** Today's inflow, how much matched by itself, how the queue grew, the e-mail outbox. */
export function DashboardScreen() {
  const dashboard = useDashboard(DAYS);
  return (
    <Stack>
      <Title order={2}>Dashboard</Title>
      <QueryState query={dashboard} label="the dashboard">
        {dashboard.data && <DashboardBody data={dashboard.data} />}
      </QueryState>
    </Stack>
  );
}

function DashboardBody({ data }: { data: Dashboard }) {
  const today = data.queue[data.queue.length - 1];
  const matching = data.matching.map((m) => ({ ...m, label: shortDay(m.day), ratePct: ratePercent(m.rate) }));
  const queue = data.queue.map((q) => ({ ...q, label: shortDay(q.day) }));
  const matchedTotal = data.matching.reduce((t, m) => t + m.automatic + m.manual + m.unmatched, 0);
  const automaticTotal = data.matching.reduce((t, m) => t + m.automatic, 0);
  const overallRate = matchedTotal ? Math.round((automaticTotal / matchedTotal) * 1000) / 10 : null;
  return (
    <Stack gap="lg">
      <Text size="sm">Days in the {data.timeZone} time zone.</Text>
      <section aria-labelledby="inflow-today">
        <Title order={3} id="inflow-today" mb="xs">
          Inflow today
        </Title>
        {data.inflowToday.length === 0 ? (
          <Text c="dimmed">No transfers received today.</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {data.inflowToday.map((i) => (
              <Card key={i.currency} withBorder data-testid={`inflow-${i.currency}`}>
                <Text size="sm" c="dimmed">
                  {i.currency}
                </Text>
                <Text size="xl" fw={700}>
                  {formatMoney(i.amount, i.currency)}
                </Text>
                <Text size="sm">
                  {i.count} {i.count === 1 ? 'transfer' : 'transfers'}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>

      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Unmatched queue
          </Text>
          <Anchor component={Link} to="/queue" size="xl" fw={700} data-testid="queue-link">
            {today ? `${today.open} open` : 'Open the queue'}
          </Anchor>
          {today?.oldestAgeDays !== null && today?.oldestAgeDays !== undefined && (
            <Text size="sm">
              oldest {today.oldestAgeDays} {today.oldestAgeDays === 1 ? 'day' : 'days'}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            E-mails
          </Text>
          <Text size="xl" fw={700} data-testid="emails-pending">
            {data.emails.pending} pending
          </Text>
          <Text size="sm" c={data.emails.failed ? 'red.8' : undefined} data-testid="emails-failed">
            {data.emails.failed} failed · {data.emails.sentToday} sent today
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Matched automatically, {DAYS} days
          </Text>
          <Text size="xl" fw={700} data-testid="auto-match-rate">
            {overallRate === null ? '—' : `${overallRate} %`}
          </Text>
          <Text size="sm">
            {automaticTotal} of {matchedTotal} transfers
          </Text>
        </Card>
      </SimpleGrid>

      <ChartFigure
        id="matching-chart"
        title={`Automatic matching rate, last ${DAYS} days`}
        summary={
          overallRate === null
            ? 'No transfers in the period.'
            : `${overallRate} % of ${matchedTotal} transfers matched automatically over the period.`
        }
        table={
          <>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Automatic</th>
                <th scope="col">Manual</th>
                <th scope="col">Unmatched</th>
                <th scope="col">Rate</th>
              </tr>
            </thead>
            <tbody>
              {matching.map((m) => (
                <tr key={m.day}>
                  <th scope="row">{m.label}</th>
                  <td>{m.automatic}</td>
                  <td>{m.manual}</td>
                  <td>{m.unmatched}</td>
                  <td>{m.ratePct === null ? '—' : `${m.ratePct} %`}</td>
                </tr>
              ))}
            </tbody>
          </>
        }
      >
        <LineChart
          h={220}
          data={matching}
          dataKey="label"
          series={[{ name: 'ratePct', label: 'Automatic %', color: 'teal.7' }]}
          yAxisProps={{ domain: [0, 100] }}
          unit=" %"
          connectNulls
          lineChartProps={{ accessibilityLayer: false }}
        />
      </ChartFigure>

      <ChartFigure
        id="queue-chart"
        title={`Unmatched queue, last ${DAYS} days`}
        summary={
          today
            ? `${today.open} open today${today.oldestAgeDays !== null ? `, the oldest ${today.oldestAgeDays} days old` : ''}.`
            : 'No data.'
        }
        table={
          <>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Open</th>
                <th scope="col">Oldest (days)</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((q) => (
                <tr key={q.day}>
                  <th scope="row">{q.label}</th>
                  <td>{q.open}</td>
                  <td>{q.oldestAgeDays ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </>
        }
      >
        <AreaChart
          h={220}
          data={queue}
          dataKey="label"
          series={[
            { name: 'open', label: 'Open', color: 'orange.7' },
            { name: 'oldestAgeDays', label: 'Oldest (days)', color: 'grape.7' },
          ]}
          withLegend
          connectNulls
          yAxisProps={{ allowDecimals: false }}
          areaChartProps={{ accessibilityLayer: false }}
        />
      </ChartFigure>
    </Stack>
  );
}

/** A chart with its text alternative: a visible one-line summary and the figures as a (visually hidden) table. */
function ChartFigure({
  id,
  title,
  summary,
  table,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  table: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={`${id}-title`} data-testid={id}>
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={3} id={`${id}-title`}>
          {title}
        </Title>
      </Group>
      <Text component="figcaption" size="sm" mb="sm">
        {summary}
      </Text>
      <div aria-hidden="true">{children}</div>
      <VisuallyHidden>
        <Table>
          <caption>{title}</caption>
          {table}
        </Table>
      </VisuallyHidden>
    </Paper>
  );
}

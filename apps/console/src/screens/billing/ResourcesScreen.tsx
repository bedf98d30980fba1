import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useRenewResource, useResources, type RenewedResource, type Resource } from '../../api/resources';
import { intlLocale } from '../../i18n';
import { formatDuration, formatInstant } from '../../ui/duration';
import { formatMoney } from '../../ui/money';
import { useCursorPager } from '../customers/Pager';
import { LoadState } from './LoadState';

const STATUS_COLOR: Record<string, string> = {
  active: 'teal.9',
  isolated: 'red.9',
  stopped: 'red.9',
  released: 'gray.8',
  terminated: 'gray.8',
};

/** the clock the countdowns run on: re-renders once a minute */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * Resources in arrears (member console, `/billing/resources`), seed 003: the customer's monthly
 * subscriptions and pay-per-hour instances with their status, expiry and the time left before an
 * isolated one is released or a stopped one terminated, and what restores each: a renewal for a
 * subscription, a top-up above 0 for pay-per-hour. Stopped pay-per-hour restricts the account
 * (the API refuses other changes with ACCOUNT_RESTRICTED): a banner says so.
 */
export function ResourcesScreen() {
  const { t } = useTranslation('resources');
  const pager = useCursorPager();
  const resources = useResources(pager.cursor);
  const renew = useRenewResource();
  const [renewed, setRenewed] = useState<RenewedResource | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const now = useNow();
  const locale = intlLocale();
  const items = resources.data?.items ?? [];
  const restrictedMessage = refusal?.code === 'ACCOUNT_RESTRICTED' ? refusal.message : null;
  const restricted =
    restrictedMessage !== null || items.some((r) => r.billingMode === 'hourly' && r.status === 'stopped');

  const onRenew = (r: Resource) => {
    setRenewed(null);
    setRefusal(null);
    renew.mutate(r.id, {
      onSuccess: (result) => setRenewed(result),
      onError: (e) => setRefusal(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', e.message)),
    });
  };

  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Text c="dimmed" maw={760}>
        {t('intro')}
      </Text>
      {restricted && (
        <Alert
          variant="outline"
          color="red.9"
          title={t('restricted.title')}
          role="alert"
          data-testid="restriction-banner"
        >
          <Stack gap={4}>
            <Text size="sm" c="dark.9">
              {t('restricted.body')}
            </Text>
            {restrictedMessage && (
              <Text size="sm" c="dark.9" data-testid="restriction-message">
                {t('restricted.apiSays', { message: restrictedMessage })}
              </Text>
            )}
            <Anchor component={Link} to="/billing/deposit" size="sm" c="red.9" fw={600}>
              {t('restricted.topUp')}
            </Anchor>
          </Stack>
        </Alert>
      )}
      {renewed && (
        <Alert
          variant="outline"
          color="teal.9"
          title={t('renewed.title')}
          role="status"
          withCloseButton
          closeButtonLabel={t('close')}
          onClose={() => setRenewed(null)}
        >
          {t(renewed.restored ? 'renewed.restored' : 'renewed.extended', {
            name: renewed.name,
            expiresAt: renewed.expiresAt ? formatInstant(renewed.expiresAt, locale) : '—',
          })}
        </Alert>
      )}
      {refusal && refusal.code !== 'ACCOUNT_RESTRICTED' && (
        <Alert
          variant="outline"
          color="red.9"
          title={t('refused.title')}
          role="alert"
          withCloseButton
          closeButtonLabel={t('close')}
          onClose={() => setRefusal(null)}
        >
          <Stack gap={4}>
            <Text size="sm" c="dark.9">
              {refusal.code === 'INSUFFICIENT_BALANCE' ? t('refused.insufficient') : refusal.message}
            </Text>
            {refusal.code === 'INSUFFICIENT_BALANCE' && (
              <Anchor component={Link} to="/billing/deposit" size="sm" c="red.9" fw={600}>
                {t('restricted.topUp')}
              </Anchor>
            )}
          </Stack>
        </Alert>
      )}
      <LoadState query={resources} loading={t('loading')} failed={t('loadFailed')}>
        {items.length === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <Table.ScrollContainer type="native" minWidth={900} tabIndex={0} aria-label={t('table')}>
            <Table striped aria-label={t('table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('col.resource')}</Table.Th>
                  <Table.Th>{t('col.mode')}</Table.Th>
                  <Table.Th>{t('col.status')}</Table.Th>
                  <Table.Th>{t('col.expires')}</Table.Th>
                  <Table.Th>{t('col.timeLeft')}</Table.Th>
                  <Table.Th>{t('col.action')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid={`resource-${r.externalId}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {r.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {r.externalId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`mode.${r.billingMode}`)}</Text>
                      <Text size="xs" c="dimmed">
                        {r.billingMode === 'monthly'
                          ? t('price.monthly', { price: formatMoney(r.renewalPrice, r.currency) })
                          : t('price.hourly', { price: formatMoney(r.hourlyPrice, r.currency) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOR[r.status] ?? 'gray.8'} variant="outline">
                        {t(`status.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {r.expiresAt ? formatInstant(r.expiresAt, locale) : t('noExpiry')}
                    </Table.Td>
                    <Table.Td data-testid="time-left">
                      <TimeLeft resource={r} now={now} locale={locale} />
                    </Table.Td>
                    <Table.Td>
                      <RestoreAction
                        resource={r}
                        onRenew={onRenew}
                        renewing={renew.isPending && renew.variables === r.id}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {(pager.page > 1 || resources.data?.nextCursor) && (
          <Group justify="flex-end" gap="xs" role="navigation" aria-label={t('pager.label')}>
            <Button variant="default" size="xs" disabled={pager.page === 1} onClick={pager.prev}>
              {t('pager.previous')}
            </Button>
            <Text size="sm" aria-live="polite">
              {t('pager.page', { page: pager.page })}
            </Text>
            <Button
              variant="default"
              size="xs"
              disabled={!resources.data?.nextCursor}
              onClick={() => resources.data?.nextCursor && pager.next(resources.data.nextCursor)}
            >
              {t('pager.next')}
            </Button>
          </Group>
        )}
      </LoadState>
    </Stack>
  );
}

function TimeLeft({ resource: r, now, locale }: { resource: Resource; now: number; locale: string }) {
  const { t } = useTranslation('resources');
  if (!r.releaseAt) return <Text size="sm">—</Text>;
  const left = new Date(r.releaseAt).getTime() - now;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} c="red.9">
        {left > 0 ? t('timeLeft.left', { duration: formatDuration(left, locale) }) : t('timeLeft.due')}
      </Text>
      <Text size="xs" c="dimmed">
        {t(r.status === 'stopped' ? 'timeLeft.terminatedAt' : 'timeLeft.releasedAt', {
          at: formatInstant(r.releaseAt, locale),
        })}
      </Text>
    </Stack>
  );
}

/** what brings a resource back: seed 003 */
function RestoreAction({
  resource: r,
  onRenew,
  renewing,
}: {
  resource: Resource;
  onRenew: (r: Resource) => void;
  renewing: boolean;
}) {
  const { t } = useTranslation('resources');
  if (r.billingMode === 'monthly' && (r.status === 'active' || r.status === 'isolated'))
    return (
      <Stack gap={2} align="flex-start">
        <Button
          size="xs"
          color={r.status === 'isolated' ? 'red.9' : undefined}
          variant={r.status === 'isolated' ? 'filled' : 'default'}
          loading={renewing}
          onClick={() => onRenew(r)}
          aria-label={t('action.renewLabel', { name: r.name })}
        >
          {t('action.renew', { price: formatMoney(r.renewalPrice, r.currency) })}
        </Button>
        {r.status === 'isolated' && (
          <Text size="xs" c="dimmed">
            {t('action.renewRestores')}
          </Text>
        )}
      </Stack>
    );
  if (r.billingMode === 'hourly' && r.status === 'stopped')
    return (
      <Stack gap={2} align="flex-start">
        <Anchor component={Link} to="/billing/deposit" size="sm" fw={600} c="red.9">
          {t('action.topUp')}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t('action.topUpRestores')}
        </Text>
      </Stack>
    );
  if (r.status === 'released' || r.status === 'terminated')
    return (
      <Text size="xs" c="dimmed">
        {t('action.gone')}
      </Text>
    );
  return (
    <Text size="xs" c="dimmed">
      {t('action.none')}
    </Text>
  );
}

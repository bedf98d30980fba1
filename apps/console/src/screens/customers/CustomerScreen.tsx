import { Alert, Anchor, Badge, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuditTrail, useCustomer } from '../../api/customers';
import { isStaff, useSession } from '../../api/session';
import { AuditTab, BillsTab, RepaymentsTab, VirtualAccountsTab } from './CustomerTabs';
import { OverviewTab } from './OverviewTab';
import { PaymentsTab } from './PaymentsTab';
import { RemitterAccountsTab } from './RemitterAccountsTab';
import { StatementTab } from './StatementTab';

// labels: customer.json, tabs.<value>
const TABS = [
  { value: 'overview' },
  { value: 'accounts' },
  { value: 'bills' },
  { value: 'payments' },
  { value: 'repayments' },
  { value: 'statement' },
  { value: 'remitters' },
  { value: 'audit' },
] as const;

/** Customer 360: everything about one customer, a tab per view (the tab is kept in the URL). */
export function CustomerScreen() {
  const { t } = useTranslation('customer');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useSession().data?.user;
  const staff = !!user && isStaff(user);
  const customer = useCustomer(id);
  // the audit log is for some staff roles only: a 403 hides the tab instead of showing an error
  const auditProbe = useAuditTrail(id, null, staff);
  const auditForbidden = auditProbe.error instanceof ApiError && auditProbe.error.status === 403;
  const tabs = TABS.filter((x) => x.value !== 'audit' || (staff && !auditForbidden));
  const requested = params.get('tab');
  const tab = tabs.some((x) => x.value === requested) ? requested! : 'overview';

  if (customer.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  if (customer.error || !customer.data)
    return (
      <Stack>
        <Title order={2}>{t('title')}</Title>
        <Alert color="red.9" role="alert" title={t('loadFailed')}>
          {customer.error?.message ?? t('notFound')}
        </Alert>
      </Stack>
    );
  const c = customer.data;
  return (
    <Stack>
      <div>
        <Title order={2}>{c.name}</Title>
        <Group gap="xs" mt={4}>
          <Text size="sm" ff="monospace">
            {c.reference}
          </Text>
          <Text size="sm">·</Text>
          <Anchor size="sm" href={`mailto:${c.email}`}>
            {c.email}
          </Anchor>
          <Badge variant="outline" color="gray.8">
            {c.currency}
          </Badge>
          {c.creditControl && (
            <Badge variant="outline" color="gray.8">
              {t('creditControl')}
            </Badge>
          )}
        </Group>
      </div>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'overview' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {tabs.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} style={{ whiteSpace: 'nowrap' }}>
              {t(`tabs.${x.value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab customer={c} />
        </Tabs.Panel>
        <Tabs.Panel value="accounts" pt="md">
          <VirtualAccountsTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="bills" pt="md">
          <BillsTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="payments" pt="md">
          <PaymentsTab customer={c} />
        </Tabs.Panel>
        <Tabs.Panel value="repayments" pt="md">
          <RepaymentsTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="statement" pt="md">
          <StatementTab customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="remitters" pt="md">
          <RemitterAccountsTab customerId={c.id} />
        </Tabs.Panel>
        {tabs.some((x) => x.value === 'audit') && (
          <Tabs.Panel value="audit" pt="md">
            <AuditTab customerId={c.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

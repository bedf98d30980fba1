import { Alert, Anchor, Badge, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useAuditTrail, useCustomer } from '../../api/customers';
import { isStaff, useSession } from '../../api/session';
import { AuditTab, BillsTab, RepaymentsTab, VirtualAccountsTab } from './CustomerTabs';
import { OverviewTab } from './OverviewTab';
import { PaymentsTab } from './PaymentsTab';
import { RemitterAccountsTab } from './RemitterAccountsTab';
import { StatementTab } from './StatementTab';

const TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'accounts', label: 'Exclusive accounts' },
  { value: 'bills', label: 'Bills' },
  { value: 'payments', label: 'Payments' },
  { value: 'repayments', label: 'Repayments' },
  { value: 'statement', label: 'Statement' },
  { value: 'remitters', label: 'Remitter accounts' },
  { value: 'audit', label: 'Audit trail' },
] as const;

/** Customer 360: everything about one customer, a tab per view (the tab is kept in the URL). */
export function CustomerScreen() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const user = useSession().data?.user;
  const staff = !!user && isStaff(user);
  const customer = useCustomer(id);
  // the audit log is for some staff roles only: a 403 hides the tab instead of showing an error
  const auditProbe = useAuditTrail(id, null, staff);
  const auditForbidden = auditProbe.error instanceof ApiError && auditProbe.error.status === 403;
  const tabs = TABS.filter((t) => t.value !== 'audit' || (staff && !auditForbidden));
  const requested = params.get('tab');
  const tab = tabs.some((t) => t.value === requested) ? requested! : 'overview';

  if (customer.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading the customer" />
      </Center>
    );
  if (customer.error || !customer.data)
    return (
      <Stack>
        <Title order={2}>Customer</Title>
        <Alert color="red.9" role="alert" title="Could not load the customer">
          {customer.error?.message ?? 'Not found'}
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
              credit control
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
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} style={{ whiteSpace: 'nowrap' }}>
              {t.label}
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
        {tabs.some((t) => t.value === 'audit') && (
          <Tabs.Panel value="audit" pt="md">
            <AuditTab customerId={c.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

import { Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useForgetRemitterAccount, useRemitterAccounts } from '../../api/customers';
import { canWorkQueue, useSession } from '../../api/session';
import { formatDateTime } from './format';
import { Pager, useCursorPager } from './Pager';
import { QueryState } from './QueryState';
import { notify } from './notify';

/** Remitter accounts remembered for the customer (a transfer from one matches by itself); staff may forget one. */
export function RemitterAccountsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customer');
  const user = useSession().data?.user;
  const mayRemove = !!user && canWorkQueue(user);
  const pager = useCursorPager();
  const accounts = useRemitterAccounts(customerId, pager.cursor);
  const forget = useForgetRemitterAccount(customerId);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function remove(id: string, account: string) {
    try {
      await forget.mutateAsync(id);
      notify(`${account} forgotten: its next transfer is no longer matched by it`);
    } catch (e) {
      notify((e as Error).message, { title: 'Could not remove', error: true });
    } finally {
      setConfirming(null);
    }
  }

  return (
    <QueryState query={accounts} label={t('remitters.what')}>
      {accounts.data?.items.length === 0 ? (
        <Text c="dimmed">{t('remitters.none')}</Text>
      ) : (
        <Table.ScrollContainer type="native" tabIndex={0} minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cols.account')}</Table.Th>
                <Table.Th>{t('remitters.remitter')}</Table.Th>
                <Table.Th>{t('remitters.learned')}</Table.Th>
                <Table.Th>{t('remitters.by')}</Table.Th>
                {mayRemove && <Table.Th>Remove</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.data?.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td ff="monospace">{a.account}</Table.Td>
                  <Table.Td>{a.remitterName ?? '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.learnedAt)}</Table.Td>
                  <Table.Td>{a.learnedBy}</Table.Td>
                  {mayRemove && (
                    <Table.Td>
                      {confirming === a.id ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-xs"
                            color="red"
                            loading={forget.isPending}
                            onClick={() => remove(a.id, a.account)}
                          >
                            Confirm removal
                          </Button>
                          <Button size="compact-xs" variant="default" onClick={() => setConfirming(null)}>
                            Cancel
                          </Button>
                        </Group>
                      ) : (
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="red"
                          aria-label={`Remove ${a.account}`}
                          onClick={() => setConfirming(a.id)}
                        >
                          Remove
                        </Button>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager pager={pager} nextCursor={accounts.data?.nextCursor} label={t('tabs.remitters')} />
    </QueryState>
  );
}

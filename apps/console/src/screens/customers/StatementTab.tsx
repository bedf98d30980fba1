import { Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatement } from '../../api/customers';
import { formatDateTime, formatMoney, humanize, isNegative } from './format';
import { QueryState } from './QueryState';

const nowrap = { whiteSpace: 'nowrap' } as const;

/** Every movement of the customer's cash with the running balance, between two optional dates. */
export function StatementTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customer');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const statement = useStatement(customerId, from, to);
  const s = statement.data;
  return (
    <Stack>
      <Group align="end">
        <TextInput
          type="date"
          label={t('statement.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput type="date" label={t('statement.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <a
          href={`/customers/${customerId}/statement?format=csv${from ? `&from=${from}` : ''}${to ? `&to=${to}` : ''}`}
          download
        >
          {t('statement.csv')}
        </a>
      </Group>
      <QueryState query={statement} label={t('statement.what')}>
        {s && (
          <Table.ScrollContainer type="native" tabIndex={0} minWidth={720}>
            <Table data-testid="statement">
              <Table.Caption>
                {t('statement.caption', {
                  currency: s.currency,
                  opening: formatMoney(s.openingBalance, s.currency),
                  closing: formatMoney(s.closingBalance, s.currency),
                })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('statement.when')}</Table.Th>
                  <Table.Th>{t('statement.movement')}</Table.Th>
                  <Table.Th>{t('statement.description')}</Table.Th>
                  <Table.Th ta="right">{t('statement.amount')}</Table.Th>
                  <Table.Th ta="right">{t('statement.running')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td />
                  <Table.Th scope="row" colSpan={3}>
                    {t('statement.opening')}
                  </Table.Th>
                  <Table.Td ta="right" style={nowrap} data-testid="opening-balance">
                    {formatMoney(s.openingBalance, s.currency)}
                  </Table.Td>
                </Table.Tr>
                {s.movements.map((m, i) => (
                  <Table.Tr key={`${m.journalEntryId}-${i}`} data-testid="statement-movement">
                    <Table.Td style={nowrap}>{formatDateTime(m.at)}</Table.Td>
                    <Table.Td>{humanize(m.kind)}</Table.Td>
                    <Table.Td>
                      {m.description}
                      {m.received && m.feeReimbursed && m.feeReimbursed !== '0.00' && (
                        <Text size="xs">
                          {t('statement.feeNote', {
                            received: formatMoney(m.received, m.currencyReceived ?? s.currency),
                            fee: formatMoney(m.feeReimbursed, m.currencyReceived ?? s.currency),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap} c={isNegative(m.amount) ? 'red.9' : undefined}>
                      {formatMoney(m.amount, s.currency)}
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap} data-testid="running-balance">
                      {formatMoney(m.runningBalance, s.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td />
                  <Table.Th scope="row" colSpan={3}>
                    {t('statement.closing')}
                  </Table.Th>
                  <Table.Td ta="right" style={nowrap} fw={700} data-testid="closing-balance">
                    {formatMoney(s.closingBalance, s.currency)}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}

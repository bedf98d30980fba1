import {
  Alert,
  Button,
  CopyButton,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  paymentInstructionsUrl,
  useExclusiveAccounts,
  useFundingCustomer,
  useMemberCustomerId,
  type FundingVirtualAccount,
} from '../../api/funding';
import { toLanguage } from '../../i18n';
import { formatAmount } from '../../ui/money';
import { Loaded } from './Loaded';

/**
 * Deposit (member console, `/billing/deposit`; seed 002): the exclusive bank account to transfer
 * to, each detail with a copy button, the rules of paying into it, and the payment instruction PDF.
 */
export function DepositScreen() {
  const { t, i18n } = useTranslation('deposit');
  const customerId = useMemberCustomerId();
  const customer = useFundingCustomer(customerId ?? '');
  const accounts = useExclusiveAccounts(customerId ?? '');
  if (!customerId) return null;
  const active = accounts.data?.items.filter((a) => a.status === 'active') ?? [];
  const lang = toLanguage(i18n.language);
  // "Make payment" on a unified settlement task comes here with what to remit for it
  const [params] = useSearchParams();
  const due = params.get('amount');
  const dueValid = !!due && /^\d+(\.\d+)?$/.test(due);
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      {dueValid && (
        <Alert color="indigo" title={t('due.title')} data-testid="deposit-due">
          {t('due.body', {
            amount: formatAmount(due, 2),
            currency: params.get('currency') ?? '',
            task: params.get('reference') ?? '',
          })}
        </Alert>
      )}
      <Text>{t('intro')}</Text>
      <Loaded query={accounts} label={t('accounts')}>
        <Loaded query={customer} label={t('accounts')}>
          {active.length === 0 && <Text c="dimmed">{t('none')}</Text>}
          {active.map((a) => (
            <AccountDetails key={a.id} account={a} reference={customer.data?.reference ?? ''} />
          ))}
        </Loaded>
      </Loaded>
      <section aria-labelledby="deposit-rules">
        <Title order={3} id="deposit-rules" mb="xs">
          {t('rules.title')}
        </Title>
        <List spacing="xs">
          <List.Item>{t('rules.rails')}</List.Item>
          <List.Item>{t('rules.fees')}</List.Item>
          <List.Item>{t('rules.time')}</List.Item>
          <List.Item>{t('rules.oldestFirst')}</List.Item>
        </List>
      </section>
      <Group>
        <Button component="a" href={paymentInstructionsUrl(customerId, lang)} download>
          {t('download')}
        </Button>
      </Group>
    </Stack>
  );
}

function AccountDetails({ account, reference }: { account: FundingVirtualAccount; reference: string }) {
  const { t } = useTranslation('deposit');
  const rows: [string, string | null][] = [
    [t('field.holder'), account.accountHolderName],
    [account.iban ? t('field.iban') : t('field.number'), account.display],
    [t('field.bank'), account.bankName],
    [t('field.bic'), account.bic],
    [t('field.routing'), account.routingNumber],
    [t('field.currency'), account.currency],
    [t('field.reference'), reference],
  ];
  const headingId = `deposit-account-${account.id}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={3} id={headingId} mb="xs">
        {t('accountIn', { currency: account.currency })}
      </Title>
      <Table>
        <Table.Tbody>
          {rows
            .filter((r): r is [string, string] => !!r[1])
            .map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w="35%">
                  {label}
                </Table.Th>
                <Table.Td>
                  <Text ff="monospace" fw={600} data-testid="deposit-value">
                    {value}
                  </Text>
                </Table.Td>
                <Table.Td w="1%">
                  <CopyButton value={value}>
                    {({ copied, copy }) => (
                      <>
                        <Button
                          size="compact-sm"
                          // the label says "Copied": a coloured fill failed contrast while hovered
                          variant="default"
                          aria-label={t('copyField', { field: label })}
                          onClick={copy}
                        >
                          {copied ? t('copied') : t('copy')}
                        </Button>
                        <VisuallyHidden role="status">
                          {copied ? t('copiedField', { field: label }) : ''}
                        </VisuallyHidden>
                      </>
                    )}
                  </CopyButton>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

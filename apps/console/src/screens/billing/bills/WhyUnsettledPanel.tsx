import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWhyUnsettled, type Bill } from '../../../api/bills';
import { formatMoney } from '../../../ui/money';
import { Loading, LoadError } from './BillsParts';

/**
 * "After enabling automatic write-off, why does my bill still show as unsettled?" (seed 000 FAQ),
 * answered in place under the bill: each reason the API finds, in the console's language.
 */
export function WhyUnsettledPanel({ bill }: { bill: Bill }) {
  const { t } = useTranslation('bills');
  const why = useWhyUnsettled(bill.id);
  if (why.isPending) return <Loading label={t('why.loading', { reference: bill.reference })} />;
  if (why.error) return <LoadError title={t('why.error')} error={why.error} />;
  return (
    <Stack gap={4} data-testid="why-unsettled">
      <Text size="sm" fw={600}>
        {t('why.heading', {
          reference: bill.reference,
          outstanding: formatMoney(why.data.outstanding, why.data.currency),
        })}
      </Text>
      <List size="sm">
        {why.data.reasons.map((r) => (
          <List.Item key={r.code} data-code={r.code}>
            {t(`why.reason.${r.code}`)}
          </List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        {t('why.footer')}
      </Text>
    </Stack>
  );
}

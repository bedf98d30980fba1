import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema';

/** Balance alerts, contacts and Message Subscription Management of one customer (seed 003). */
export type BalanceAlert = components['schemas']['BalanceAlertResponse'];
export type SetBalanceAlert = components['schemas']['SetBalanceAlertRequest'];
export type Contact = components['schemas']['ContactResponse'];
export type AddContact = components['schemas']['AddContactRequest'];
export type MessageSubscription = components['schemas']['MessageSubscriptionResponse'];
export type SubscriptionRecipient = components['schemas']['SubscriptionRecipient'];
export type Channel = SubscriptionRecipient['channels'][number];
export type MessageType = MessageSubscription['messageType'];

export const CHANNELS: Channel[] = ['email', 'sms'];

const keys = {
  alerts: (customerId: string) => ['customer', customerId, 'balance-alerts'],
  contacts: (customerId: string) => ['customer', customerId, 'contacts'],
  subscriptions: (customerId: string) => ['customer', customerId, 'message-subscriptions'],
};

export function useBalanceAlerts(customerId: string) {
  return useQuery({
    queryKey: keys.alerts(customerId),
    queryFn: () => api<{ items: BalanceAlert[] }>('GET', `/customers/${customerId}/balance-alerts`),
  });
}

/** a new threshold, or new contacts and channels for an existing one (same threshold) */
export function useSetBalanceAlert(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetBalanceAlert) => api<BalanceAlert>('POST', `/customers/${customerId}/balance-alerts`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.alerts(customerId) }),
  });
}

export function useRemoveBalanceAlert(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (alertId: string) => api<BalanceAlert>('DELETE', `/customers/${customerId}/balance-alerts/${alertId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.alerts(customerId) }),
  });
}

export function useContacts(customerId: string) {
  return useQuery({
    queryKey: keys.contacts(customerId),
    queryFn: () => api<{ items: Contact[] }>('GET', `/customers/${customerId}/contacts`),
  });
}

export function useAddContact(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AddContact) => api<Contact>('POST', `/customers/${customerId}/contacts`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.contacts(customerId) }),
  });
}

export function useMessageSubscriptions(customerId: string) {
  return useQuery({
    queryKey: keys.subscriptions(customerId),
    queryFn: () => api<{ items: MessageSubscription[] }>('GET', `/customers/${customerId}/message-subscriptions`),
  });
}

/** who gets one message type on which channels; [] goes back to the seed's roles */
export function useSetSubscriptions(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ messageType, recipients }: { messageType: MessageType; recipients: SubscriptionRecipient[] }) =>
      api<{ items: MessageSubscription[] }>('PUT', `/customers/${customerId}/message-subscriptions/${messageType}`, {
        recipients,
      }),
    onSuccess: (data) => qc.setQueryData(keys.subscriptions(customerId), data),
  });
}

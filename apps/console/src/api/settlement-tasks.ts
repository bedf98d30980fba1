import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, withQuery, type Page } from './client';
import type { components } from './schema';

/** Unified settlement tasks (seed 001): the member console's calls, typed from the OpenAPI document. */
type Schemas = components['schemas'];
export type SettlementTaskSummary = Schemas['SettlementTaskSummaryResponse'];
export type SettlementTask = Schemas['SettlementTaskResponse'];
export type SettlementTaskStatus = SettlementTask['status'];
export type SettlementCandidates = Schemas['SettlementCandidatesResponse'];
export type CandidateCycle = Schemas['CandidateCycle'];
export type SettlementTaskPayment = Schemas['SettlementTaskPaymentResponse'];
export type TaskItem = Schemas['TaskItemRequest'];

/** a refusal (403, 404) stays a refusal: show it at once instead of asking again */
const noRetryOn4xx = (failures: number, error: Error) =>
  !(error instanceof ApiError && error.status < 500) && failures < 1;

const ACTIVE: SettlementTaskStatus[] = ['running', 'settling'];

export const TASKS_PAGE_SIZE = 20;
const TASKS = ['settlement-tasks'] as const;
const base = '/settlement-tasks';

export function useSettlementTasks(cursor: string | null) {
  return useQuery({
    queryKey: [...TASKS, 'list', cursor],
    queryFn: () => api<Page<SettlementTaskSummary>>('GET', withQuery(base, { cursor, limit: TASKS_PAGE_SIZE })),
    placeholderData: keepPreviousData,
    retry: noRetryOn4xx,
  });
}

export function useSettlementCandidates(payerCustomerId: string) {
  return useQuery({
    queryKey: [...TASKS, 'candidates', payerCustomerId],
    queryFn: () => api<SettlementCandidates>('GET', withQuery(`${base}/candidates`, { payerCustomerId })),
    enabled: !!payerCustomerId,
    retry: noRetryOn4xx,
  });
}

export function useSettlementTask(id: string, enabled = true) {
  return useQuery({
    queryKey: [...TASKS, 'task', id],
    queryFn: () => api<SettlementTask>('GET', `${base}/${id}`),
    enabled,
    // seed 001: a top-up settles a running task by itself ("may take 1 to 2 minutes"): look again now and then
    refetchInterval: (query) => (ACTIVE.includes(query.state.data?.status ?? 'draft') ? 15_000 : false),
    retry: noRetryOn4xx,
  });
}

/** "Make payment": the exclusive account and what is still to transfer, asked for when the member opens it */
export function useSettlementTaskPayment(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...TASKS, 'task', id, 'payment'],
    queryFn: () => api<SettlementTaskPayment>('GET', `${base}/${id}/payment`),
    enabled,
  });
}

/** every mutation refreshes the list, the task and the candidates (a cycle a task frees or holds) */
function useTaskMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: TASKS }) });
}

export const useCreateSettlementTask = () =>
  useTaskMutation((body: Schemas['CreateSettlementTaskRequest']) =>
    api<SettlementTask>('POST', base, body, { idempotent: true }),
  );

export const useEditSettlementTask = () =>
  useTaskMutation(({ id, ...body }: Schemas['EditSettlementTaskRequest'] & { id: string }) =>
    api<SettlementTask>('PATCH', `${base}/${id}`, body),
  );

export const useDeleteSettlementTask = () =>
  useTaskMutation((id: string) => api<Schemas['SettlementTaskDeletedResponse']>('DELETE', `${base}/${id}`));

export type TaskAction = 'run' | 'enable' | 'stop' | 'close';
/** run and enable move money (the payer's balance pays at once): they carry an Idempotency-Key */
export const useSettlementTaskAction = () =>
  useTaskMutation(({ id, action }: { id: string; action: TaskAction }) =>
    api<SettlementTask>('POST', `${base}/${id}/${action}`, undefined, {
      idempotent: action === 'run' || action === 'enable',
    }),
  );

export const taskCsvUrl = (id: string) => `${base}/${id}/export.csv`;
export const taskPdfUrl = (id: string) => `${base}/${id}/pdf`;
export const taskBillPdfUrl = (id: string, billId: string) => `${base}/${id}/bills/${billId}/pdf`;

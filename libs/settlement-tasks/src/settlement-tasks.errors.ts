import { DomainError, conflict, validationError } from '@remitd/core';

/** The settlement-tasks context's error catalogue: the codes are the API's documentation. */
export const SettlementTaskErrors = {
  permissionRequired: () =>
    new DomainError(
      'UNIFIED_SETTLEMENT_PERMISSION_REQUIRED',
      'only enterprise super admins, admins holding the unified-settlement permission and members (for their own bills) manage settlement tasks',
      'forbidden',
    ),
  memberOwnBillsOnly: () =>
    new DomainError(
      'FORBIDDEN_CUSTOMER',
      'members create settlement tasks only for their own bills, paid from their own balance',
      'forbidden',
    ),
  noRelationship: (customerId: string, payerId: string) =>
    conflict(
      'NO_FINANCIAL_RELATIONSHIP',
      `customer ${customerId} is not managed by ${payerId} through a valid financial-management relationship`,
      { customerId, payerCustomerId: payerId },
    ),
  noItems: () => validationError('ITEMS_REQUIRED', 'items: choose at least one account and billing cycle', 'items'),
  duplicateItem: (customerId: string, cycle: string) =>
    validationError('DUPLICATE_ITEM', `items: ${customerId} ${cycle} is chosen twice`, 'items'),
  // seed 001: "A single Settlement Task can include bills from a maximum of three months"
  tooManyCycles: (cycles: string[]) =>
    validationError(
      'TOO_MANY_CYCLES',
      `items: a settlement task covers at most three billing cycles (${cycles.join(', ')}); create another task for the rest`,
      'items',
    ),
  // seed 001: "These can span any Billing Cycle starting from April 2023"
  cycleTooOld: (cycle: string) =>
    validationError(
      'CYCLE_BEFORE_APRIL_2023',
      `items: ${cycle} is before April 2023, the first cycle tasks may settle`,
      'items',
    ),
  // seed 001: "You cannot create a Settlement Task for the current month's bills"
  currentMonth: (cycle: string) =>
    validationError(
      'CURRENT_MONTH_NOT_ALLOWED',
      `items: ${cycle} is the current (or a future) month; wait until its official bill is issued`,
      'items',
    ),
  billNotIssued: (customerId: string, cycle: string) =>
    validationError(
      'BILL_NOT_ISSUED',
      `items: ${customerId} has no issued bill for ${cycle} in the task's currency; a cycle becomes eligible once its official bill is issued`,
      'items',
    ),
  // seed 001: "If a Billing Cycle is already in another Settlement Task, it is grayed out"
  cycleInAnotherTask: (customerId: string, cycle: string, task: { id: string; reference: string }) =>
    conflict(
      'CYCLE_IN_ANOTHER_TASK',
      `${cycle} of customer ${customerId} is already in settlement task ${task.reference}; close that task to choose it again`,
      { customerId, billingCycle: cycle, taskId: task.id, taskReference: task.reference },
    ),
  wrongState: (task: { reference: string; status: string }, action: string, allowed: string[]) =>
    conflict(
      'SETTLEMENT_TASK_STATE',
      `settlement task ${task.reference} is ${task.status}: ${action} needs ${allowed.join(' or ')}`,
      { status: task.status, action, allowed },
    ),
};

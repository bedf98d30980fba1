/**
 * Notification templates. Each message kind validates its JSON payload (as stored in the outbox)
 * and renders a subject, a plain-text body and an HTML body; see layout.ts for the shared frame.
 */
export { escapeHtml, formatIban, normalizeIban, type RenderedTemplate } from './layout';
export type { BillPayment } from './bill-payment';
export type { VirtualAccountCreatedPayload } from './virtual-account-created.template';
export type { FundsReceivedPayload } from './funds-received.template';
export type { CreditReturnedPayload, ReopenedBill } from './credit-returned.template';
export type { BillsSettledPayload } from './bills-settled.template';
export type { ArrearsNoticePayload } from './arrears-notice.template';
export type { BalanceAlertPayload } from './balance-alert.template';
export { RESOURCE_EVENTS, type ResourceEvent, type ResourceLifecyclePayload } from './resource-lifecycle.template';
export {
  TEMPLATE_NAMES,
  TemplateRenderError,
  isTemplateName,
  renderTemplate,
  type TemplateName,
  type TemplatePayloads,
} from './render-template';

import { arrearsNotice, type ArrearsNoticePayload } from './arrears-notice.template';
import { balanceAlert, type BalanceAlertPayload } from './balance-alert.template';
import { billsSettled, type BillsSettledPayload } from './bills-settled.template';
import { creditReturned, type CreditReturnedPayload } from './credit-returned.template';
import { fundsReceived, type FundsReceivedPayload } from './funds-received.template';
import { resourceLifecycle, type ResourceLifecyclePayload } from './resource-lifecycle.template';
import { renderDocument, type RenderedTemplate, type TemplateDef } from './layout';
import { toLang } from './locale';
import { PayloadReader } from './payload-reader';
import { virtualAccountCreated, type VirtualAccountCreatedPayload } from './virtual-account-created.template';

export const TEMPLATE_NAMES = [
  'virtual-account-created',
  'funds-received',
  'credit-returned',
  'bills-settled',
  'arrears-notice',
  'resource-lifecycle',
  'balance-alert',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface TemplatePayloads {
  'virtual-account-created': VirtualAccountCreatedPayload;
  'funds-received': FundsReceivedPayload;
  'credit-returned': CreditReturnedPayload;
  'bills-settled': BillsSettledPayload;
  'arrears-notice': ArrearsNoticePayload;
  'resource-lifecycle': ResourceLifecyclePayload;
  'balance-alert': BalanceAlertPayload;
}

/**
 * Thrown for an unknown template name or a payload that does not fit the template. Retrying
 * cannot fix either, so the sender should fail the notification permanently.
 */
export class TemplateRenderError extends Error {
  readonly permanent = true;
  constructor(
    readonly code: 'UNKNOWN_TEMPLATE' | 'INVALID_PAYLOAD',
    readonly template: string,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'TemplateRenderError';
  }
}

export function isTemplateName(name: unknown): name is TemplateName {
  return typeof name === 'string' && (TEMPLATE_NAMES as readonly string[]).includes(name);
}

/** @param locale the customer's language (en or zh; anything else reads as English) */
export function renderTemplate<N extends TemplateName>(
  name: N,
  payload: TemplatePayloads[N],
  locale?: string,
): RenderedTemplate;
export function renderTemplate(name: string, payload: unknown, locale?: string): RenderedTemplate;
export function renderTemplate(name: string, payload: unknown, locale?: string): RenderedTemplate {
  if (!isTemplateName(name)) {
    throw new TemplateRenderError(
      'UNKNOWN_TEMPLATE',
      String(name),
      `Unknown notification template ${JSON.stringify(name)}; known templates: ${TEMPLATE_NAMES.join(', ')}`,
    );
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new TemplateRenderError(
      'INVALID_PAYLOAD',
      name,
      `Invalid payload for template '${name}': expected an object`,
      ['payload must be an object'],
    );
  }
  const errors: string[] = [];
  const reader = new PayloadReader(payload as Record<string, unknown>, '', errors);
  const def = TEMPLATES[name] as TemplateDef<unknown>;
  const parsed = def.read(reader);
  if (errors.length > 0) {
    throw new TemplateRenderError(
      'INVALID_PAYLOAD',
      name,
      `Invalid payload for template '${name}': ${errors.join('; ')}`,
      errors,
    );
  }
  const lang = toLang(locale);
  return renderDocument(def.render(parsed, lang), lang);
}

const TEMPLATES: { [N in TemplateName]: TemplateDef<TemplatePayloads[N]> } = {
  'virtual-account-created': virtualAccountCreated,
  'funds-received': fundsReceived,
  'credit-returned': creditReturned,
  'bills-settled': billsSettled,
  'arrears-notice': arrearsNotice,
  'resource-lifecycle': resourceLifecycle,
  'balance-alert': balanceAlert,
};

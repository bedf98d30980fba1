/**
 * The admin API as the console sees it, generated from its OpenAPI document by openapi-typescript
 * (scripts/api-types.mjs). Do not edit: a test fails when it is stale.
 */
export interface paths {
  '/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** API keys (never the keys themselves) */
    get: operations['ApiKeysController_list'];
    put?: never;
    /** Create an API key for a role (the key is shown once) */
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key */
    delete: operations['ApiKeysController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Approval requests, oldest first (account managers see their own) */
    get: operations['ApprovalsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An approval request */
    get: operations['ApprovalsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve: the request runs now, in this transaction, exactly once; never by its maker */
    post: operations['ApprovalsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/approval-requests/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject: nothing runs; never by its maker */
    post: operations['ApprovalsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/audit-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first: every state change, who made it and what changed */
    get: operations['AuditController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/config': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the sign-in page offers (no sign-in needed) */
    get: operations['AuthController_authConfig'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/link/{token}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A one-time sign-in link (24 h, once): sets the session cookie */
    get: operations['AuthController_signInWithLink'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set or change the password (≥ 12 characters); other sessions of the user end */
    post: operations['AuthController_changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in, and the CSRF token of this session */
    get: operations['AuthController_session'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign in with e-mail and password (and TOTP code): sets the httpOnly session cookie
     * @description 401 SIGN_IN_FAILED for an unknown e-mail or a wrong password alike; 401 TOTP_REQUIRED / TOTP_INVALID; 403 ACCOUNT_LOCKED after too many failures.
     */
    post: operations['AuthController_signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sign-out': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out of this session */
    post: operations['AuthController_signOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sign-out-everywhere': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out of every session of this user, this one included */
    post: operations['AuthController_signOutEverywhere'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sso/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the identity provider sends the browser back: sets the session cookie */
    get: operations['AuthController_ssoCallback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/sso/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Staff single sign-on: redirects to the identity provider (code flow, PKCE) */
    get: operations['AuthController_ssoStart'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish two-factor set-up with a code from the app; sign-in asks for codes from now on */
    post: operations['AuthController_confirmTotp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/totp/enrol': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start two-factor set-up: a new TOTP secret for the authenticator app (shown once) */
    post: operations['AuthController_enrolTotp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/billing-entities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Billing entities, oldest first */
    get: operations['BillingEntitiesController_list'];
    put?: never;
    /** Register one of the provider's contracting entities (seed 002) */
    post: operations['BillingEntitiesController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/billing-entities/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A billing entity */
    get: operations['BillingEntitiesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change a billing entity: name, country, time zone, currencies, exclusive accounts, collection accounts */
    patch: operations['BillingEntitiesController_update'];
    trace?: never;
  };
  '/billing-entities/{id}/holidays': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The entity's holidays of a year (business-day payment periods skip them) */
    get: operations['BillingEntitiesController_holidays'];
    /** Replace the entity's holiday calendar of a year; bills issued afterwards count business days with it */
    put: operations['BillingEntitiesController_replaceHolidays'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/billing-runs/{cycle}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a cycle (the reconciler does it at 12:00 on the 2nd of the next month); exactly once. 201 when bills were issued; 200 with `skipped` and `reason` when nothing was (not due yet, already issued, no charges). force=true issues a cycle not yet due */
    post: operations['BillingController_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bills, oldest first (status=open for unsettled, partly paid and overdue) */
    get: operations['BillingController_bills'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A bill with its lines and repayments */
    get: operations['BillingController_bill'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{id}/gateway-payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pay a bill through the gateway with a linked method (default: the last used). 201 with the outcome, 202 when it is pending (timeout): a second payment meanwhile is 409 PAYMENT_PENDING unless force=true */
    post: operations['PaymentsController_payBill'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{id}/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Manual payment: amount (default outstanding) from the balance and/or an external channel; pauses auto write-off meanwhile */
    post: operations['BillingController_pay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bill as a PDF: charges, payments, and how to pay into the customer's exclusive account */
    get: operations['BillingController_pdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/{id}/why-unsettled': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why is this bill still unsettled? (insufficient credit, not issued yet, card restrictions, write-off off…) */
    get: operations['BillingController_why'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/bills/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** CSV of bills (same filters as the list, up to 100,000 rows) */
    get: operations['BillingController_billsCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/collection-accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Collection accounts */
    get: operations['CollectionAccountsController_list'];
    put?: never;
    /** Register a bank account that receives transfers; virtual accounts are numbered under it */
    post: operations['CollectionAccountsController_createAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/coupons/{id}/apply': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deduct a coupon from a bill (a repayment of method coupon) */
    post: operations['BillingController_applyCoupon'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List customers (members see only their own) */
    get: operations['CustomersController_list'];
    put?: never;
    /** Create a credit customer */
    post: operations['CustomersController_createCustomer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a customer with cash balance and available credit */
    get: operations['CustomersController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Credit control: limit, frozen amount, automatic bill settlement flags. A credit-limit increase above the caller's cap answers 202 with the approval request it waits on */
    patch: operations['CustomersController_patch'];
    trace?: never;
  };
  '/customers/{id}/balance-alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The customer's balance alerts: threshold, who gets them, armed or fired */
    get: operations['ResourcesController_balanceAlerts'];
    put?: never;
    /** Set a balance alert: it fires once when the balance falls below the threshold and re-arms when the balance recovers; setting the same threshold again changes its contacts and channels */
    post: operations['ResourcesController_setBalanceAlert'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/balance-alerts/{alertId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a balance alert; answers the alert as it was */
    delete: operations['ResourcesController_removeBalanceAlert'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/charges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's charges, oldest first (billed=false: those the next issuance will bill) */
    get: operations['BillingController_charges'];
    put?: never;
    /** Record usage to bill in a cycle (becomes a bill line when the cycle is issued) */
    post: operations['BillingController_charge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/contacts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who hears about the customer’s resources: creator, collaborators (by role), sub-accounts */
    get: operations['ResourcesController_contacts'];
    put?: never;
    /** Add a contact with an e-mail address and/or a phone number (SMS) */
    post: operations['ResourcesController_addContact'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Coupons, used and unused */
    get: operations['BillingController_coupons'];
    put?: never;
    /** Issue a coupon (above the caller’s cap it waits for a checker) */
    post: operations['BillingController_coupon'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/cycle-payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pay by billing cycle (credit control): the cycle's refunds, then the balance, then the external channel pay the cycle's unpaid bills */
    post: operations['BillingController_payByCycle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/financial-relationships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Financial relationships the customer is part of, with the names of both sides */
    get: operations['BillingController_relationships'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/gateway-payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's payments through the gateway (deductions and bill payments), newest first */
    get: operations['PaymentsController_payments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/locale': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the customer's language (console and e-mails); a member may set its own customer's only (403 otherwise) */
    put: operations['CustomersController_setLocale'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/message-subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Message Subscription Management: the chosen recipients and channels per message type (a type not listed goes to the seed's roles) */
    get: operations['ResourcesController_subscriptions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/message-subscriptions/{messageType}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Choose who gets a message type on which channels; [] goes back to the seed's roles */
    put: operations['ResourcesController_setSubscriptions'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/payg': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Pay-as-you-go state: default method, thresholds, what is not deducted yet, pre-authorization, arrears */
    get: operations['PaymentsController_account'];
    put?: never;
    /** Set the account's PayPal deduction threshold (USD 8 to 500; ranges per currency) */
    post: operations['PaymentsController_settings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/payg-activations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate a pay-as-you-go product; with PayPal as the default method the first activation pre-authorizes (authorize, then void): 422 PREAUTHORIZATION_FAILED refuses it */
    post: operations['PaymentsController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/payment-instructions.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How to pay into the customer's exclusive account (account details and the rules: SWIFT or ACH only, fees borne by the provider, up to 4 business days) as a PDF in English or Chinese */
    get: operations['BillingController_paymentInstructions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/payment-methods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's linked cards and PayPal accounts (token kept inside remitd) and the one last used to pay a bill */
    get: operations['PaymentsController_list'];
    put?: never;
    /** Link a card or PayPal account by the token the gateway's page gave the customer; the first linked is the default */
    post: operations['PaymentsController_link'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/payment-methods/{methodId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unlink a method; if it was the default, the most recent other one becomes it */
    delete: operations['PaymentsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/payment-methods/{methodId}/default': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a linked method the default (automatic deduction uses it) */
    post: operations['PaymentsController_makeDefault'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/payment-terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the payment terms of the contract: settlement cycle (monthly or quarterly) + payment period (N calendar or business days); bills issued from now on carry them */
    put: operations['CustomersController_setPaymentTerms'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Credit-control refunds and what is left of each */
    get: operations['BillingController_refunds'];
    put?: never;
    /** Credit-control refund into the refund balance (pays bills of the refund's cycle or later) */
    post: operations['BillingController_refund'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/remitter-accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Remitter accounts remembered for the customer: a transfer from one of them is matched to the customer by itself (members see their own) */
    get: operations['RemitterAccountsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/remitter-accounts/{accountId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Forget a remembered remitter account (audited): the next transfer from it is no longer matched by the learned-account rule */
    delete: operations['RemitterAccountsController_forget'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/resources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The platform reports a resource (monthly subscription or pay-per-hour), by its own id: a second report updates the name, auto-renew and prices */
    post: operations['ResourcesController_report'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Account settings a member may change for its own customer: automatic bill settlement, and write off past bills (credit control only: otherwise 400 on writeOffPastBills) */
    patch: operations['CustomersController_settings'];
    trace?: never;
  };
  '/customers/{id}/statement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every movement of the customer's money (receipts with reimbursed fees, bill payments, refunds, stored-value cards, transfers) with opening and closing balances of cash, refund, each card and bills paid (JSON or CSV) */
    get: operations['BillingController_statement'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/stored-value-cards': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stored-value cards and their balances */
    get: operations['BillingController_cards'];
    put?: never;
    /** Issue a stored-value card: pays only bills of its month */
    post: operations['BillingController_card'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/top-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a top-up (e.g. a bank transfer entered by finance); settles bills oldest first */
    post: operations['BillingController_topUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/virtual-accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The customer's virtual accounts, one per currency */
    get: operations['CustomersController_listVirtualAccounts'];
    put?: never;
    /** Allocate the customer's exclusive virtual account (e-mails the details) */
    post: operations['CustomersController_allocateVirtualAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/virtual-accounts/{virtualAccountId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a virtual account (its number is never reused) */
    post: operations['CustomersController_closeVirtualAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{id}/virtual-accounts/{virtualAccountId}/reissue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close a virtual account and issue its replacement under another collection account (e-mails the customer the new details) */
    post: operations['CustomersController_reissueVirtualAccount'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Money in today, matching per day, the unmatched queue per day and the e-mail outbox (days in the configured time zone) */
    get: operations['DashboardController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live updates as server-sent events
     * @description `event: remittance` with `data: {"id","kind":"created"|"updated","state","customerId","currency","remittedAmount","ownerId","at"}` whenever a remittance is created or its state or owner changes; a `: ping` comment every 15 s. The stream never ends by itself; reconnect (EventSource does) and reload what you show, as events sent while disconnected are not replayed.
     */
    get: operations['EventsController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financial-relationships': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make one customer the main account of another (it may move cash to it) */
    post: operations['BillingController_relate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/financial-relationships/{id}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End a financial relationship (a member: only one where its customer is the main account, else 403) */
    post: operations['BillingController_endRelationship'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and database reachability (no key needed) */
    get: operations['HealthController_health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/ledger/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Check the ledger invariants: cached balances = sum of postings, journals sum to zero */
    get: operations['LedgerController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Outbox messages, oldest first; status=failed lists those given up (requeue them) */
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/notifications/{id}/requeue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a failed message again (pending now, new retry window); idempotent: a pending one is left as it is */
    post: operations['NotificationsController_requeue'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/payg/month-end-sweeps': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run the month-end deduction of a cycle now (the reconciler runs it when the month ends): every unpaid pay-as-you-go charge of that cycle or before */
    post: operations['PaymentsController_monthEnd'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/proof-of-cash': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Daily proof of cash of a collection account: per banking day, the bank's booked movement against the bank-clearing ledger account's movement into customers' money; ties or not, every difference listed (JSON, or CSV with format=csv or Accept: text/csv) */
    get: operations['ProofOfCashController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The unmatched queue (state=unmatched by default) and other remittances, filtered, oldest first by default */
    get: operations['UnmatchedController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A remittance with its parsed entry, the raw bank excerpt, ranked suggestions, comments, vouchers and the customer's (else each suggested customer's) open bills */
    get: operations['UnmatchedController_detail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign an unmatched remittance to a customer: credits and settles like an automatic match */
    post: operations['UnmatchedController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A remittance's comments, oldest first */
    get: operations['UnmatchedController_comments'];
    put?: never;
    /** Comment on a remittance (audited) */
    post: operations['UnmatchedController_addComment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/fee-reimbursements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reimburse bank fees shown on the customer's remittance voucher (bounded by the cap) */
    post: operations['UnmatchedController_feeReimbursement'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/owner': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take the item ("me"), give it to a colleague (their actor id) or back to nobody (null) */
    post: operations['UnmatchedController_setOwner'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark for return to sender (closed when the bank's return appears on a statement) */
    post: operations['UnmatchedController_markForReturn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/split': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Split an unmatched remittance across several customers (parts sum to the remitted amount) */
    post: operations['UnmatchedController_split'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/vouchers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload the customer's remittance voucher (the file is the body, at most 5 MB); the same file again answers the voucher kept. Cite its reference in POST /remittances/{id}/fee-reimbursements */
    post: operations['UnmatchedController_uploadVoucher'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/{id}/vouchers/{voucherId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a voucher kept for this remittance */
    get: operations['UnmatchedController_voucher'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/remittances/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The filtered queue's counts: size, oldest item, mine, nobody's, per currency */
    get: operations['UnmatchedController_summary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repayments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Repayment records by method (from January 2023) */
    get: operations['BillingController_repayments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/repayments/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** CSV of repayments (same filters as the list, up to 100,000 rows) */
    get: operations['BillingController_repaymentsCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/resources': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Resources, oldest first; a member sees only its own */
    get: operations['ResourcesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/resources/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One resource: status (active, isolated, released, stopped, terminated) and period */
    get: operations['ResourcesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/resources/{id}/renewals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Renew a monthly subscription for one month from the balance; the new period starts at the old expiry. An isolated one (within 7 days of expiry) is restored. 422 INSUFFICIENT_BALANCE, 409 RESOURCE_NOT_RENEWABLE once released */
    post: operations['ResourcesController_renew'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Settlement tasks, newest first (a member: those it pays) */
    get: operations['SettlementTasksController_list'];
    put?: never;
    /** Create a task (a draft, or "Generate and Run" with run=true: the payer’s balance pays at once). 409 CYCLE_IN_ANOTHER_TASK names the task holding a cycle */
    post: operations['SettlementTasksController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A task: its items, totals and status history with actors */
    get: operations['SettlementTasksController_view'];
    put?: never;
    post?: never;
    /** Delete a draft, permanently */
    delete: operations['SettlementTasksController_delete'];
    options?: never;
    head?: never;
    /** Edit a draft: name, items (in the order given, the order it pays in) */
    patch: operations['SettlementTasksController_edit'];
    trace?: never;
  };
  '/settlement-tasks/{id}/bills/{billId}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One monthly bill of the task, stamped "settled by unified settlement task …" (and sealed) */
    get: operations['SettlementTasksController_billPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close: Not Started → Closed, final; its cycles may be chosen again */
    post: operations['SettlementTasksController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable: Not Started → Running, paid at once as far as the payer’s balance goes */
    post: operations['SettlementTasksController_enable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The task as CSV: accounts, cycles, consumption, to be repaid, paid, status */
    get: operations['SettlementTasksController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}/payment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** "Make payment": the payer’s exclusive bank account and the amount still due */
    get: operations['SettlementTasksController_payment'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}/pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The consolidated PDF of the task: every account × cycle, the totals, the stamp and seal */
    get: operations['SettlementTasksController_consolidatedPdf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}/run': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generate and Run: Draft → Running, paid at once as far as the payer’s balance goes */
    post: operations['SettlementTasksController_run'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/{id}/stop': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop: Running or Settling → Not Started; automatic settlement is restored. A settlement in flight is waited for, never cut in half */
    post: operations['SettlementTasksController_stop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/settlement-tasks/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The bills a task of this payer may choose (settled and unsettled, issued, from April 2023, not the current month), grouped by account name, cycles descending; a cycle another open task holds is not selectable and names it */
    get: operations['SettlementTasksController_candidates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statement-accounts/{account}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign a statement account to a collection account: its held entries are reconciled like any other, and its later statements are read as that collection account’s */
    post: operations['StatementAccountsController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statement-accounts/{account}/held-entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The entries held for an unknown statement account */
    get: operations['StatementAccountsController_held'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statement-accounts/unknown': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Statement accounts that are no collection account, with the entries held for them (not credited) */
    get: operations['StatementAccountsController_unknown'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statement-alerts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Continuity breaks (balance, sequence), unbalanced statements, unknown accounts */
    get: operations['StatementsController_alerts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statement-alerts/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Acknowledge an alert: it leaves the open list (show=all still lists it) */
    post: operations['StatementsController_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statement-files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Bank files received, newest first; quarantined ones carry the parser reason, duplicates (same content as a file received before, not ingested again) name it in duplicateOf */
    get: operations['StatementsController_files'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/statement-files/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a file whose account is not ours: its held entries are never credited (they stay visible) */
    post: operations['StatementAccountsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move cash between a main account and a member it manages */
    post: operations['BillingController_transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People who sign in to the console, oldest first */
    get: operations['UsersController_list'];
    put?: never;
    /** Create a user (only a super admin creates super admins) */
    post: operations['UsersController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}/sign-in-link': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A one-time sign-in link for the user (24 h; shown once) */
    post: operations['UsersController_signInLink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/users/{id}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lift a lockout after failed sign-ins */
    post: operations['UsersController_unlock'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhook-events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Webhooks to the platform, oldest first */
    get: operations['WebhookEventsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhook-events/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One webhook with its delivery log */
    get: operations['WebhookEventsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhook-events/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a webhook again (same event id and body), delivered or given up */
    post: operations['WebhookEventsController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/webhooks/gateway': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The payment gateway's signed result of a charge (see docs/gateway-simulator.md) */
    post: operations['GatewayWebhookController_receive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AddContactRequest: {
      /** @example ana@example.com */
      email?: string | null;
      /** @example Ana Lim */
      name: string;
      /**
       * @description E.164, for SMS
       * @example +6591234567
       */
      phone?: string | null;
      /** @enum {string} */
      role: 'creator' | 'global_resource_collaborator' | 'financial_collaborator' | 'collaborator' | 'sub_account';
    };
    AllocateVirtualAccountRequest: {
      /** @description the collection account to allocate under; required when more than one collection account holds the currency */
      collectionAccountId?: string;
      /**
       * @description defaults to the customer currency
       * @example USD
       */
      currency?: string;
    };
    ApiKeyResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      customerId: string | null;
      /** Format: uuid */
      id: string;
      /**
       * @description the first characters of the key, to tell keys apart
       * @example rmd_3fA9
       */
      keyPrefix: string;
      name: string;
      /** Format: date-time */
      revokedAt: string | null;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member';
      unifiedSettlement: boolean;
    };
    AppliedCouponResponse: {
      /** Format: uuid */
      billId: string;
      /** Format: uuid */
      couponId: string;
      /** @example EUR */
      currency: string;
      /**
       * @description decimal string in the currency
       * @example 10.00
       */
      deducted: string;
      /** Format: uuid */
      journalEntryId: string | null;
    };
    ApplyCouponRequest: {
      billId: string;
    };
    ApprovalActor: {
      /** @description API key id, or system:… */
      id: string;
      name: string | null;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member' | 'system';
    };
    ApprovalRequestResponse: {
      checker: components['schemas']['ApprovalActor'] | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      customerId: string | null;
      /** Format: date-time */
      decidedAt: string | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'offline_payment' | 'coupon' | 'credit_limit';
      maker: components['schemas']['ApprovalActor'];
      /** @description the request as the maker sent it */
      payload: {
        [key: string]: unknown;
      };
      /** @description why it was rejected */
      reason: string | null;
      /** @description what running the request answered, once approved */
      result: {
        [key: string]: unknown;
      } | null;
      /** @enum {string} */
      state: 'pending' | 'approved' | 'rejected';
      /** @example offline payment of 40.00 EUR on bill B-2026-10-0001 */
      summary: string;
    };
    AssignedRemittanceResponse: {
      /**
       * @description the customer's cash balance afterwards
       * @example 0.00
       */
      balanceAfter: string;
      bankReference: string | null;
      /**
       * @description what the bank booked
       * @example 975.00
       */
      bookedAmount: string;
      /**
       * Format: uuid
       * @description the collection account it arrived on
       */
      collectionAccountId: string | null;
      /** @example 2 */
      commentCount: number;
      /**
       * @description how sure the rule is, 0 to 1
       * @example 0.95
       */
      confidence: number;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string | null;
      /** Format: uuid */
      entryId: string;
      /** @description why, in a sentence a person can read */
      explanation: string;
      /** @example 25.00 */
      feeReimbursed: string;
      flags: (
        | 'cash_deposit'
        | 'cheque_deposit'
        | 'currency_not_held'
        | 'low_confidence'
        | 'ambiguous_reference'
        | 'no_rule_matched'
        | 'fee_above_cap'
        | 'return_without_original'
        | 'unknown_collection_account'
      )[];
      /** Format: uuid */
      id: string;
      note: string | null;
      /** @description who works this item; null: nobody */
      owner: components['schemas']['RemittanceOwnerResponse'] | null;
      /**
       * @example SEPA
       * @enum {string|null}
       */
      rail: 'SWIFT' | 'ACH' | 'SEPA' | 'CASH' | 'CHEQUE' | 'OTHER' | null;
      remittanceInformation: string | null;
      /**
       * @description what the remitter sent (booked + deducted charges)
       * @example 1000.00
       */
      remittedAmount: string;
      remitterAccount: string | null;
      remitterName: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
      resolvedBy: string | null;
      /** @enum {string} */
      rule:
        | 'virtual_account'
        | 'known_remitter_account'
        | 'customer_reference'
        | 'bill_reference'
        | 'manual'
        | 'none'
        | 'debit_entry'
        | 'reversal_entry';
      settled: components['schemas']['SettledBillResponse'][];
      /** @enum {string} */
      state: 'unmatched' | 'credited' | 'split' | 'return_requested' | 'returned' | 'reversed' | 'debit' | 'reversal';
      /** @example 2026-10-02 */
      valueDate: string | null;
    };
    AssignRequest: {
      customerId: string;
      /** @example customer confirmed by phone */
      note?: string;
      /** @description remember the remitter account so the next transfer from it matches automatically */
      rememberRemitterAccount?: boolean;
    };
    AssignStatementAccountRequest: {
      /** @description the collection account the statement account belongs to */
      collectionAccountId: string;
    };
    AssignStatementAccountResponse: {
      accountKey: string;
      collectionAccountId: string;
      /** @description of them, booked entries queued for reconciliation */
      queued: number;
      /** @description held entries now the collection account’s */
      released: number;
    };
    AuditEntryResponse: {
      /** @example remittance.assign */
      action: string;
      /** @description API key id, or system:… */
      actor: string;
      /** Format: date-time */
      createdAt: string;
      entityId: string;
      /** @example remittance */
      entityType: string;
      /**
       * @description sequence number (decimal string)
       * @example 1042
       */
      id: string;
      /** @description what changed, with the actor role and name */
      payload: {
        [key: string]: unknown;
      } | null;
    };
    AuthConfigResponse: {
      /** @description single sign-on (OpenID Connect) is configured */
      sso: boolean;
      /** @example Sign in with Acme SSO */
      ssoLabel: string | null;
    };
    AutoSettlementOutcome: {
      /** @description bills settled */
      bills: number;
      /** Format: uuid */
      customerId: string;
      /**
       * @description decimal string in the currency
       * @example 100.00
       */
      paid: string;
      /** @enum {string} */
      skipped?: 'auto_write_off_off' | 'manual_payment_in_progress' | 'nothing_to_pay';
    };
    AvailableCreditPartsResponse: {
      /** @example 5120.00 */
      availableCredit: string;
      /** @example 120.00 */
      cashBalance: string;
      /** @example 5000.00 */
      creditLimit: string;
      /** @example cashBalance + creditLimit - frozenAmount */
      formula: string;
      /** @example 0.00 */
      frozenAmount: string;
    };
    BalanceAlertListResponse: {
      items: components['schemas']['BalanceAlertResponse'][];
    };
    BalanceAlertResponse: {
      /** @description false once fired, until the balance is back at or above the threshold */
      armed: boolean;
      channels: ('email' | 'sms')[];
      /** @description empty: the customer's own e-mail */
      contactIds: string[];
      /** Format: date-time */
      createdAt: string;
      /** @description how many downward crossings it told */
      crossings: number;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      lastFiredAt: string | null;
      /** @example 50.00 */
      threshold: string;
    };
    BalanceMismatch: {
      /** Format: uuid */
      accountId: string;
      /** @example 100.00 */
      cached: string;
      /** @example customer:…:cash:EUR */
      code: string;
      /** @example 90.00 */
      sumOfPostings: string;
    };
    BillDetailResponse: {
      /**
       * @description decimal string in the currency
       * @example 300.00
       */
      amount: string;
      /** @example 2026-10 */
      billingCycle: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** @example 2026-11-15 */
      dueDate: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      issuedAt: string;
      lines: components['schemas']['BillLineResponse'][];
      /**
       * @description decimal string in the currency
       * @example 150.00
       */
      outstanding: string;
      /**
       * @description decimal string in the currency
       * @example 150.00
       */
      paid: string;
      /** @description the payment terms in force when the bill was issued (its due date came from them); null on older bills */
      paymentTerms: components['schemas']['BillPaymentTermsResponse'] | null;
      /** @description the months the bill covers: its cycle, or the quarter ending with it */
      period: components['schemas']['BillPeriodResponse'];
      /** @example B-2026-10-0001 */
      reference: string;
      /** @description false for bills of cycles before January 2023: their repayment records are not shown (seed 000) */
      repaymentRecordsAvailable: boolean;
      repayments: components['schemas']['BillRepaymentResponse'][];
      /** @enum {string} */
      status: 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
    };
    BillingEntityResponse: {
      /** @description the collection accounts it owns, oldest first */
      collectionAccountIds: string[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example SG
       */
      country: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description the currencies its customers are billed in
       * @example [
       *       "USD",
       *       "SGD"
       *     ]
       */
      currencies: string[];
      /** Format: uuid */
      id: string;
      /** @example Example Cloud (Singapore) PTE LTD */
      name: string;
      /** @description its credit-control customers get an exclusive bank account automatically */
      offersExclusiveAccounts: boolean;
      /**
       * @description IANA time zone
       * @example Asia/Singapore
       */
      timeZone: string;
      /** Format: date-time */
      updatedAt: string;
    };
    BillingRunResponse: {
      /** @example 2026-10 */
      billingCycle: string;
      billsIssued: number;
      customersWrittenOff: number;
      /** @description why nothing was issued, in a sentence */
      reason?: string;
      /**
       * @description why nothing was issued
       * @enum {string}
       */
      skipped?: 'already_issued' | 'another_replica_is_issuing' | 'not_due_yet' | 'no_charges';
      /** @description bills settled automatically right after issuing */
      writtenOff: number;
    };
    BillLineResponse: {
      /**
       * @description decimal string in the currency
       * @example 61.38
       */
      amount: string;
      product: string;
      usage: string;
    };
    BillPaidResponse: {
      /**
       * @description decimal string in the currency
       * @example 15.00
       */
      amount: string;
      /** Format: uuid */
      billId: string;
      /** @enum {string} */
      method: 'coupon' | 'stored_value_card' | 'balance' | 'refund' | 'external';
    };
    BillPaymentTermsResponse: {
      /** @example 15 */
      paymentPeriodDays: number;
      /** @enum {string} */
      paymentPeriodKind: 'calendar' | 'business';
      /** @enum {string} */
      settlementCycle: 'monthly' | 'quarterly';
    };
    BillPeriodResponse: {
      /** @example 2026-01 */
      from: string;
      /** @example 2026-03 */
      to: string;
    };
    BillRepaymentResponse: {
      /**
       * @description decimal string in the currency
       * @example 100.00
       */
      amount: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journalEntryId: string;
      /** @enum {string} */
      method: 'coupon' | 'stored_value_card' | 'balance' | 'refund' | 'external';
      /** Format: uuid */
      remittanceId: string | null;
      /** Format: date-time */
      reversedAt: string | null;
    };
    BillResponse: {
      /**
       * @description decimal string in the currency
       * @example 300.00
       */
      amount: string;
      /** @example 2026-10 */
      billingCycle: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** @example 2026-11-15 */
      dueDate: string | null;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      issuedAt: string;
      /**
       * @description decimal string in the currency
       * @example 150.00
       */
      outstanding: string;
      /**
       * @description decimal string in the currency
       * @example 150.00
       */
      paid: string;
      /** @description the payment terms in force when the bill was issued (its due date came from them); null on older bills */
      paymentTerms: components['schemas']['BillPaymentTermsResponse'] | null;
      /** @description the months the bill covers: its cycle, or the quarter ending with it */
      period: components['schemas']['BillPeriodResponse'];
      /** @example B-2026-10-0001 */
      reference: string;
      /** @enum {string} */
      status: 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
    };
    CandidateAccount: {
      /** Format: uuid */
      customerId: string;
      customerName: string;
      /** @description cycles descending */
      cycles: components['schemas']['CandidateCycle'][];
    };
    CandidateCycle: {
      /** Format: uuid */
      billId: string;
      /** @example 2026-09 */
      billingCycle: string;
      billReference: string;
      /** @example unsettled */
      billStatus: string;
      /** @example 120.00 */
      consumption: string;
      heldBy: components['schemas']['HeldBy'] | null;
      /** @description false: greyed out, another open task holds it */
      selectable: boolean;
      /** @example 120.00 */
      toBeRepaid: string;
    };
    CardRequest: {
      /**
       * @description decimal string in the customer currency
       * @example 200.00
       */
      amount: string;
      /**
       * @description the only month whose bills the card pays
       * @example 2026-11
       */
      validMonth: string;
    };
    CardResponse: {
      /**
       * @description decimal string in the currency
       * @example 200.00
       */
      amount: string;
      /**
       * @description decimal string in the currency
       * @example 120.00
       */
      balance: string;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      id: string;
      /** @example 2026-11 */
      validMonth: string;
    };
    ChangePasswordRequest: {
      /** @description required when a password is set */
      currentPassword?: string;
      /** @example a long passphrase of yours */
      newPassword: string;
    };
    ChargeListResponse: {
      items: components['schemas']['ChargeView'][];
      nextCursor: string | null;
    };
    ChargeRequest: {
      /**
       * @description decimal string in the customer currency
       * @example 61.38
       */
      amount: string;
      /** @example 2026-10 */
      billingCycle: string;
      /** @example Compute · c6.large */
      product: string;
      /**
       * @description last day of the service billed (with servicePeriodStart)
       * @example 2026-10-31
       */
      servicePeriodEnd?: string;
      /**
       * @description first day of the service billed (with servicePeriodEnd)
       * @example 2026-10-01
       */
      servicePeriodStart?: string;
      /**
       * Format: uuid
       * @description the customer's stored-value card named when the order was placed: without it no card pays this line (seed 000)
       */
      storedValueCardId?: string;
      /** @example 744 h */
      usage: string;
    };
    ChargeResponse: {
      /**
       * @description decimal string in the currency
       * @example 61.38
       */
      amount: string;
      /**
       * Format: uuid
       * @description the bill it became a line of
       */
      billId: string | null;
      /** @example 2026-10 */
      billingCycle: string;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /**
       * @description the cycle it was recorded for, when that cycle had already been issued
       * @example 2026-09
       */
      deferredFromCycle: string | null;
      /** Format: uuid */
      id: string;
      product: string;
      /**
       * Format: date
       * @description last day of the service billed
       */
      servicePeriodEnd: string | null;
      /**
       * Format: date
       * @description first day of the service billed
       */
      servicePeriodStart: string | null;
      /**
       * Format: uuid
       * @description the stored-value card named at order: only such lines, within one month, may a card pay
       */
      storedValueCardId: string | null;
      usage: string;
    };
    ChargeView: {
      /** @example 61.38 */
      amount: string;
      /** @description null until its cycle is issued */
      billId: string | null;
      /**
       * @description the cycle whose bill takes it
       * @example 2026-10
       */
      billingCycle: string;
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** @description the cycle it was recorded for, when that was already issued */
      deferredFromCycle: string | null;
      id: string;
      product: string;
      usage: string;
    };
    CollectionAccountResponse: {
      /** @description the legal name customers write as beneficiary */
      accountHolderName: string | null;
      /** @example 0532013000 */
      accountNumber: string;
      /** @example Commerzbank AG */
      bankName: string | null;
      /** @example COBADEFFXXX */
      bic: string | null;
      /**
       * Format: uuid
       * @description the billing entity that owns it
       */
      billingEntityId: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * @example [
       *       "EUR",
       *       "USD"
       *     ]
       */
      currencies: string[];
      /** @example DE89370400440532013000 */
      iban: string | null;
      /** Format: uuid */
      id: string;
      /** @example Main EUR collection account */
      name: string;
      /**
       * @description US ABA routing number, for ACH
       * @example 021000021
       */
      routingNumber: string | null;
      /**
       * @description virtual account numbers handed out so far (decimal string)
       * @example 12
       */
      virtualAccountsAllocated: string;
    };
    CommentRequest: {
      /** @example called the customer, waiting for the voucher */
      body: string;
    };
    CommentResponse: {
      /** @example apikey:0b8f6d3e-1111-4c1c-9a1a-0123456789ab */
      authorId: string;
      /** @example Ada Lovelace */
      authorName: string;
      /** @example called the customer, waiting for the voucher */
      body: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
    };
    ContactListResponse: {
      items: components['schemas']['ContactResponse'][];
    };
    ContactResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      customerId: string;
      email: string | null;
      /** Format: uuid */
      id: string;
      name: string;
      phone: string | null;
      /** @enum {string} */
      role: 'creator' | 'global_resource_collaborator' | 'financial_collaborator' | 'collaborator' | 'sub_account';
    };
    CouponRequest: {
      /**
       * @description decimal string in the customer currency
       * @example 10.00
       */
      amount: string;
      /** @example WELCOME10 */
      code?: string;
      /**
       * @description last billing cycle it may be applied to
       * @example 2026-12
       */
      validUntil: string;
    };
    CouponResponse: {
      /**
       * @description decimal string in the currency
       * @example 10.00
       */
      amount: string;
      /**
       * Format: uuid
       * @description the bill it was deducted from
       */
      billId: string | null;
      /** @example WELCOME10 */
      code: string;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      usedAt: string | null;
      /** @example 2026-12 */
      validUntil: string;
    };
    CreateApiKeyRequest: {
      /** @description member keys only: the customer they belong to */
      customerId?: string;
      /** @example finance team laptop */
      name: string;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member';
      /** @description admins: the unified-settlement permission */
      unifiedSettlement?: boolean;
    };
    CreateBillingEntityRequest: {
      /** @description existing collection accounts the entity owns */
      collectionAccountIds?: string[];
      /**
       * @description ISO 3166-1 alpha-2
       * @example SG
       */
      country: string;
      /**
       * @example [
       *       "USD",
       *       "SGD"
       *     ]
       */
      currencies: string[];
      /** @example Example Cloud (Singapore) PTE LTD */
      name: string;
      /**
       * @description credit-control customers get an exclusive bank account automatically (seed 002)
       * @default true
       */
      offersExclusiveAccounts: boolean;
      /**
       * @description IANA time zone
       * @example Asia/Singapore
       */
      timeZone: string;
    };
    CreateCollectionAccountRequest: {
      /**
       * @description the legal name customers write as beneficiary; defaults to the provider name
       * @example Example Cloud GmbH
       */
      accountHolderName?: string;
      /**
       * @description required without an IBAN (e.g. a US account)
       * @example 0532013000
       */
      accountNumber?: string;
      /**
       * @description the bank customers send transfers to
       * @example Commerzbank AG
       */
      bankName?: string;
      /** @example COBADEFFXXX */
      bic?: string;
      /**
       * @example [
       *       "USD",
       *       "EUR"
       *     ]
       */
      currencies: string[];
      /** @example DE89370400440532013000 */
      iban?: string;
      /** @example Main USD collection account */
      name: string;
      /**
       * @description US ABA routing number for ACH (9 digits, ABA checksum validated)
       * @example 021000021
       */
      routingNumber?: string;
    };
    CreateCustomerRequest: {
      /**
       * @description automatic bill settlement: issued bills are paid from the balance while credit is available
       * @default true
       */
      autoBillSettlement: boolean;
      /**
       * @deprecated
       * @description old name of autoBillSettlement, still accepted
       */
      autoWriteOff?: boolean;
      /**
       * Format: uuid
       * @description the provider's entity the customer contracts with; defaults to the only one when exactly one exists
       */
      billingEntityId?: string;
      /** @default false */
      creditControl: boolean;
      /**
       * @description decimal string in the customer currency
       * @example 5000.00
       */
      creditLimit?: string;
      /**
       * @description ISO 4217; the billing currency
       * @example USD
       */
      currency: string;
      /** @example billing@acme.example */
      email: string;
      /** @example 0.00 */
      frozenAmount?: string;
      /**
       * @description the language of the customer's console and e-mails: en (English) or zh (Simplified Chinese)
       * @default en
       * @enum {string}
       */
      locale: 'en' | 'zh';
      /** @example ACME Cloud Ltd */
      name: string;
      /**
       * @description may the last bill in an oldest-first settlement be partly paid
       * @default true
       */
      partialLastBill: boolean;
      /**
       * @description payment period: N days after the cycle
       * @default 15
       */
      paymentPeriodDays: number;
      /**
       * @default calendar
       * @enum {string}
       */
      paymentPeriodKind: 'calendar' | 'business';
      /**
       * @default monthly
       * @enum {string}
       */
      settlementCycle: 'monthly' | 'quarterly';
      /**
       * @description refunds may settle bills of earlier cycles
       * @default false
       */
      settlePastBillsWithRefunds: boolean;
      /**
       * @deprecated
       * @description old name of settlePastBillsWithRefunds, still accepted
       */
      writeOffPastBills?: boolean;
    };
    CreatedApiKeyResponse: {
      /** Format: uuid */
      customerId: string | null;
      /** Format: uuid */
      id: string;
      /** @description the key itself: shown only in this answer, stored only as a hash */
      key: string;
      name: string;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member';
      unifiedSettlement: boolean;
    };
    CreatedCustomerResponse: {
      /** @description present when the requested credit limit is above the caller's cap: the limit waits for a checker */
      approvalRequest?: components['schemas']['ApprovalRequestResponse'];
      /** @description automatic bill settlement (called "automatic write-off" in the billing docs) */
      autoBillSettlement: boolean;
      /**
       * @deprecated
       * @description use autoBillSettlement
       */
      autoWriteOff: boolean;
      /**
       * @description cash balance + credit limit − frozen amount
       * @example 5120.00
       */
      availableCredit: string;
      availableCreditParts: components['schemas']['AvailableCreditPartsResponse'];
      /** @description every balance the customer holds, each card apart */
      balances: components['schemas']['CustomerBalanceResponse'][];
      /**
       * Format: uuid
       * @description the provider's entity the customer contracts with (null for customers from before entities)
       */
      billingEntityId: string | null;
      /**
       * @description everything the customer's bills have been paid with
       * @example 350.00
       */
      billsPaid: string;
      /** @example 120.00 */
      cashBalance: string;
      createdAt: string;
      creditControl: boolean;
      /** @example 5000.00 */
      creditLimit: string;
      /** @example USD */
      currency: string;
      email: string;
      /** @example 0.00 */
      frozenAmount: string;
      id: string;
      /**
       * @description the language of the customer's console and e-mails
       * @enum {string}
       */
      locale: 'en' | 'zh';
      name: string;
      partialLastBill: boolean;
      /** @description the due date of every bill issued from now on comes from these */
      paymentTerms: components['schemas']['PaymentTermsResponse'];
      /** @example RC7K2M9Q4T */
      reference: string;
      /**
       * @description credit-control refunds not yet used
       * @example 0.00
       */
      refundBalance: string;
      /** @description refunds may settle bills of earlier cycles (the billing docs: "write off past bills") */
      settlePastBillsWithRefunds: boolean;
      /**
       * @description left on stored-value cards, all months
       * @example 0.00
       */
      storedValueCardBalance: string;
      /**
       * @deprecated
       * @description use settlePastBillsWithRefunds
       */
      writeOffPastBills: boolean;
    };
    CreateSettlementTaskRequest: {
      /** @description accounts × billing cycles (at most three cycles) */
      items: components['schemas']['TaskItemRequest'][];
      /** @example October consolidated settlement */
      name?: string;
      /**
       * Format: uuid
       * @description the account whose balance pays (its creator's account); a member's key: its own, the default
       */
      payerCustomerId?: string;
      /** @description "Generate and Run Settlement Bill" at once (default: save as draft) */
      run?: boolean;
    };
    CreateUserRequest: {
      /**
       * Format: uuid
       * @description members only: the customer they belong to
       */
      customerId?: string;
      /** @example ada@example.com */
      email: string;
      /** @example Ada Lovelace */
      name: string;
      /** @description omit to sign in by link (POST /users/{id}/sign-in-link) or SSO */
      password?: string;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member';
      /** @description admins: may manage unified settlement tasks (seed 001) */
      unifiedSettlement?: boolean;
    };
    CurrencyTotalResponse: {
      /**
       * @description sum of the remitted amounts
       * @example 10450.00
       */
      amount: string;
      /** @example 12 */
      count: number;
      /** @example EUR */
      currency: string;
    };
    CustomerBalanceResponse: {
      /** @example 120.00 */
      amount: string;
      /** @enum {string} */
      balance: 'cash' | 'refund' | 'stored_value_card' | 'bills_paid';
      /** @description stored-value cards only */
      cardId?: string;
      /** @example USD */
      currency: string;
      /**
       * @description stored-value cards only: the month whose bills it pays
       * @example 2026-05
       */
      validMonth?: string;
    };
    CustomerOpenBillsResponse: {
      /** @description open bills in the remittance's currency, oldest first */
      bills: components['schemas']['BillResponse'][];
      /** Format: uuid */
      customerId: string;
      /** @description more open bills than listed (the first 100 are) */
      more: boolean;
      /**
       * @description what those bills still owe
       * @example 450.00
       */
      outstanding: string;
    };
    CustomerResponse: {
      /** @description automatic bill settlement (called "automatic write-off" in the billing docs) */
      autoBillSettlement: boolean;
      /**
       * @deprecated
       * @description use autoBillSettlement
       */
      autoWriteOff: boolean;
      /**
       * @description cash balance + credit limit − frozen amount
       * @example 5120.00
       */
      availableCredit: string;
      availableCreditParts: components['schemas']['AvailableCreditPartsResponse'];
      /** @description every balance the customer holds, each card apart */
      balances: components['schemas']['CustomerBalanceResponse'][];
      /**
       * Format: uuid
       * @description the provider's entity the customer contracts with (null for customers from before entities)
       */
      billingEntityId: string | null;
      /**
       * @description everything the customer's bills have been paid with
       * @example 350.00
       */
      billsPaid: string;
      /** @example 120.00 */
      cashBalance: string;
      createdAt: string;
      creditControl: boolean;
      /** @example 5000.00 */
      creditLimit: string;
      /** @example USD */
      currency: string;
      email: string;
      /** @example 0.00 */
      frozenAmount: string;
      id: string;
      /**
       * @description the language of the customer's console and e-mails
       * @enum {string}
       */
      locale: 'en' | 'zh';
      name: string;
      partialLastBill: boolean;
      /** @description the due date of every bill issued from now on comes from these */
      paymentTerms: components['schemas']['PaymentTermsResponse'];
      /** @example RC7K2M9Q4T */
      reference: string;
      /**
       * @description credit-control refunds not yet used
       * @example 0.00
       */
      refundBalance: string;
      /** @description refunds may settle bills of earlier cycles (the billing docs: "write off past bills") */
      settlePastBillsWithRefunds: boolean;
      /**
       * @description left on stored-value cards, all months
       * @example 0.00
       */
      storedValueCardBalance: string;
      /**
       * @deprecated
       * @description use settlePastBillsWithRefunds
       */
      writeOffPastBills: boolean;
    };
    CustomerSettingsRequest: {
      /** @description automatic bill settlement */
      autoBillSettlement?: boolean;
      /** @description refunds may settle bills of earlier cycles ("write off past bills"): customers on credit control only */
      settlePastBillsWithRefunds?: boolean;
      /**
       * @deprecated
       * @description old name of settlePastBillsWithRefunds, still accepted
       */
      writeOffPastBills?: boolean;
    };
    CycleBillResponse: {
      /** Format: uuid */
      billId: string;
      /**
       * @description decimal string in the currency
       * @example 0.00
       */
      outstanding: string;
      /**
       * @description paid on the bill in total
       * @example 120.00
       */
      paid: string;
      reference: string;
      /** @enum {string} */
      status: 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
    };
    CycleExternalPart: {
      /**
       * @example offline
       * @enum {string}
       */
      channel: 'offline';
      /** @example CHQ-00123 */
      reference?: string;
    };
    DashboardResponse: {
      emails: components['schemas']['EmailCountsResponse'];
      inflowToday: components['schemas']['InflowResponse'][];
      /** @description oldest day first */
      matching: components['schemas']['MatchingDayResponse'][];
      /** @description oldest day first */
      queue: components['schemas']['QueueDayResponse'][];
      /**
       * @description the time zone the days are in
       * @example Europe/Berlin
       */
      timeZone: string;
    };
    DeductionRunResponse: {
      charged: number;
      declined: number;
      /** @description outcome unknown: pending until the key query or the webhook */
      pending: number;
      succeeded: number;
    };
    DefaultMethodSummary: {
      brand: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'card' | 'paypal';
      last4: string | null;
    };
    DuplicateOfResponse: {
      fileName: string | null;
      /** Format: uuid */
      id: string;
      /** @enum {string|null} */
      status: 'ingested' | 'quarantined' | null;
    };
    EditSettlementTaskRequest: {
      /** @description the items in the order they are paid */
      items?: components['schemas']['TaskItemRequest'][];
      name?: string;
    };
    EmailCountsResponse: {
      /** @example 0 */
      failed: number;
      /** @example 2 */
      pending: number;
      /** @example 31 */
      sentToday: number;
    };
    ErrorBody: {
      /**
       * @description stable code; tests and clients match on it
       * @example VALIDATION_FAILED
       */
      code: string;
      details?: {
        [key: string]: unknown;
      };
      /**
       * Format: uuid
       * @description 500 only: the id also written to the log
       */
      errorId?: string;
      /**
       * @description the input the error is about: a body field (dotted for nested ones), a query or path parameter, a header, or "body"
       * @example amount
       */
      field?: string;
      /** @example amount must be a decimal string like "100.00" */
      message: string;
    };
    ErrorResponse: {
      error: components['schemas']['ErrorBody'];
    };
    ExclusiveAccount: {
      accountHolderName: string;
      bankName: string | null;
      bic: string | null;
      number: string;
    };
    ExternalPart: {
      /**
       * @description decimal string in the customer currency
       * @example 40.00
       */
      amount: string;
      /**
       * @example offline
       * @enum {string}
       */
      channel: 'offline';
      /** @example CHQ-00123 */
      reference?: string;
    };
    FeeReimbursementRequest: {
      /** @example 15.00 */
      amount: string;
      /** @example SWIFT-MT103-COPY-8812 */
      voucherReference: string;
    };
    FeeReimbursementResponse: {
      /** @example 15.00 */
      amount: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journalEntryId: string;
      /** Format: uuid */
      remittanceId: string;
      /** @description true when this voucher was reimbursed before: nothing changed */
      replayed: boolean;
      /** @description absent on a replay */
      settled?: components['schemas']['SettledBillResponse'][];
      voucherReference: string;
    };
    GatewayPaymentListResponse: {
      items: components['schemas']['GatewayPaymentResponse'][];
    };
    GatewayPaymentRequest: {
      /**
       * @description default: the outstanding amount
       * @example 120.00
       */
      amount?: string;
      /** @description pay even though an earlier payment of the bill is still pending */
      force?: boolean;
      /** @description default: the last method used, else the default method */
      paymentMethodId?: string;
    };
    GatewayPaymentResponse: {
      /** @example 120.00 */
      amount: string;
      attempt: number;
      /** Format: uuid */
      billId: string | null;
      /** @enum {string} */
      channel: 'card' | 'paypal';
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      customerId: string;
      gatewayChargeId: string | null;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journalEntryId: string | null;
      lastError: string | null;
      /** Format: date-time */
      nextAttemptAt: string | null;
      /** Format: uuid */
      paymentMethodId: string;
      /** @enum {string} */
      purpose: 'payg_threshold' | 'payg_month_end' | 'bill';
      /** Format: date-time */
      resolvedAt: string | null;
      /**
       * @description pending: the result is not known yet; do not pay the bill again meanwhile
       * @enum {string}
       */
      status: 'pending' | 'retry_scheduled' | 'succeeded' | 'failed';
    };
    HealthResponse: {
      /** @enum {string} */
      database: 'ok';
      /** @example admin-api */
      service: string;
      /** @enum {string} */
      status: 'ok';
    };
    HeldBy: {
      reference: string;
      /** Format: uuid */
      taskId: string;
    };
    HeldEntriesResponse: {
      items: components['schemas']['HeldEntryView'][];
      nextCursor: string | null;
    };
    HeldEntryView: {
      /** @example 200.00 */
      amount: string;
      bankReference: string | null;
      creditedAccount: string | null;
      /** @example EUR */
      currency: string;
      /** @enum {string} */
      direction: 'CRDT' | 'DBIT';
      fileId: string;
      id: string;
      /** @example Stmt[1]/Ntry[1] */
      location: string;
      remittanceUnstructured: string | null;
      remitterName: string | null;
      /** @enum {string} */
      status: 'BOOK' | 'PDNG' | 'INFO';
      valueDate: string | null;
    };
    HolidayCalendarResponse: {
      /** Format: uuid */
      billingEntityId: string;
      /** @description in date order */
      holidays: components['schemas']['HolidayResponse'][];
      /** @example 2026 */
      year: number;
    };
    HolidayRequest: {
      /**
       * Format: date
       * @example 2026-08-10
       */
      date: string;
      /** @example National Day (observed) */
      name: string;
    };
    HolidayResponse: {
      /**
       * Format: date
       * @example 2026-08-10
       */
      date: string;
      /** @example National Day (observed) */
      name: string;
    };
    InflowResponse: {
      /**
       * @description remitted amounts received today
       * @example 12500.00
       */
      amount: string;
      /** @example 14 */
      count: number;
      /** @example EUR */
      currency: string;
    };
    IssuedCardResponse: {
      /**
       * @description decimal string in the currency
       * @example 200.00
       */
      amount: string;
      /** @description bills the card settled right away */
      automaticBillSettlement: components['schemas']['AutoSettlementOutcome'][];
      /**
       * @description left on the card after paying bills of its month
       * @example 120.00
       */
      balance: string;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      id: string;
      /** @example 2026-11 */
      validMonth: string;
      /**
       * @deprecated
       * @description the same as automaticBillSettlement
       */
      writeOff: components['schemas']['AutoSettlementOutcome'][];
    };
    LedgerVerifyResponse: {
      balanceMismatches: components['schemas']['BalanceMismatch'][];
      /** @description true when every invariant holds */
      ok: boolean;
      orphanPostings: number;
      postingCurrencyMismatches: number;
      unbalancedJournals: components['schemas']['UnbalancedJournal'][];
    };
    LinkPaymentMethodRequest: {
      /** @description make it the default (the first method linked always is) */
      makeDefault?: boolean;
      /** @description the token the gateway's own page gave the customer (never a card number) */
      token: string;
    };
    ManualPaymentRequest: {
      /**
       * @description defaults to the outstanding amount
       * @example 100.00
       */
      amount?: string;
      external?: components['schemas']['ExternalPart'];
      /**
       * @description part paid from the account balance (within available credit)
       * @example 60.00
       */
      fromBalance?: string;
    };
    ManualPaymentResponse: {
      /**
       * @description paid in total
       * @example 100.00
       */
      amount: string;
      /** Format: uuid */
      billId: string;
      billReference: string;
      /** @enum {string} */
      billStatus: 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
      /** @example EUR */
      currency: string;
      /**
       * @description of it through the external channel
       * @example 40.00
       */
      external: string;
      /** @description what the channel knows the payment by */
      externalReference: string | null;
      /**
       * @description of it from the account balance
       * @example 60.00
       */
      fromBalance: string;
      /** Format: uuid */
      journalEntryId: string | null;
      /**
       * @description decimal string in the currency
       * @example 0.00
       */
      outstanding: string;
    };
    MatchingDayResponse: {
      /**
       * @description arrived that day and credited by a rule
       * @example 40
       */
      automatic: number;
      /**
       * @description a calendar day in the time zone
       * @example 2026-12-01
       */
      day: string;
      /**
       * @description arrived that day and resolved by a person (assign, split, return)
       * @example 3
       */
      manual: number;
      /**
       * @description automatic / all that arrived, 0 to 1; null when none arrived
       * @example 0.8889
       */
      rate: number | null;
      /**
       * @description arrived that day and still unmatched
       * @example 2
       */
      unmatched: number;
    };
    MessageSubscriptionListResponse: {
      items: components['schemas']['MessageSubscriptionResponse'][];
    };
    MessageSubscriptionResponse: {
      channels: ('email' | 'sms')[];
      /** Format: uuid */
      contactId: string;
      /** @enum {string} */
      messageType:
        'expiration_warning' | 'overdue_warning' | 'release' | 'arrears_reminder' | 'stop' | 'restore' | 'termination';
    };
    MonthEndRequest: {
      /** @example 2026-10 */
      billingCycle: string;
    };
    NotificationResponse: {
      attempts: number;
      /** @enum {string} */
      channel: 'email' | 'sms';
      createdAt: string;
      dedupeKey: string;
      failedAt: string | null;
      id: string;
      lastError: string | null;
      nextAttemptAt: string;
      recipient: string;
      requeuedAt: string | null;
      sentAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'sent' | 'failed';
      /** @enum {string} */
      template:
        | 'virtual-account-created'
        | 'funds-received'
        | 'credit-returned'
        | 'bills-settled'
        | 'arrears-notice'
        | 'resource-lifecycle'
        | 'balance-alert';
    };
    NotificationsPage: {
      items: components['schemas']['NotificationResponse'][];
      nextCursor: string | null;
    };
    OwnerRequest: {
      /**
       * @description "me", an actor id (apikey:<uuid>, user:<uuid>), or null to give the item back
       * @example me
       */
      ownerId: string | null;
      /** @description the owner's display name when it is someone else (default: the id) */
      ownerName?: string;
    };
    PayCycleRequest: {
      /**
       * @description the billing cycle whose unpaid bills to pay
       * @example 2026-10
       */
      billingCycle: string;
      /** @description pays what the refunds and the balance leave; without it the rest stays outstanding */
      external?: components['schemas']['CycleExternalPart'];
      /**
       * @description "Use Account Balance": the balance (within available credit) pays after the refunds of the cycle
       * @default true
       */
      useAccountBalance: boolean;
    };
    PayCycleResponse: {
      /** @example 2026-10 */
      billingCycle: string;
      bills: components['schemas']['CycleBillResponse'][];
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /**
       * @description paid through the external channel
       * @example 35.00
       */
      external: string;
      /** @description what the channel knows the payment by */
      externalReference: string | null;
      /**
       * @description paid from the account balance
       * @example 60.00
       */
      fromBalance: string;
      /**
       * @description paid from credit-control refunds of the cycle
       * @example 25.00
       */
      fromRefunds: string;
      /** Format: uuid */
      journalEntryId: string | null;
      /**
       * @description still unpaid on the cycle's bills
       * @example 0.00
       */
      outstanding: string;
    };
    PaygAccountResponse: {
      /** Format: date-time */
      arrearsSince: string | null;
      creditControl: boolean;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      customerId: string;
      defaultMethod: components['schemas']['DefaultMethodSummary'] | null;
      /** @description what triggers a deduction now (null: month end only) */
      effectiveThreshold: string | null;
      /** @description automatic deduction failed after every retry */
      inArrears: boolean;
      paypalRange: components['schemas']['PaypalRange'] | null;
      /** @example 50.00 */
      paypalThreshold: string | null;
      /** Format: date-time */
      preauthorizedAt: string | null;
      unpaid: components['schemas']['UnpaidAmount'][];
    };
    PaygActivationRequest: {
      /** @example Object storage (pay-as-you-go) */
      product: string;
    };
    PaygActivationResponse: {
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      id: string;
      /** @description a PayPal pre-authorization was made (and voided) for it */
      preauthorized: boolean;
      product: string;
    };
    PaygSettingsRequest: {
      /**
       * @description the account's PayPal deduction threshold (USD 8 to 500; null: the range's top)
       * @example 50.00
       */
      paypalThreshold: string | null;
    };
    PaymentMethodListResponse: {
      items: components['schemas']['PaymentMethodResponse'][];
      /**
       * Format: uuid
       * @description the linked method last used to pay a bill (a gateway payment without one uses it); null: none yet
       */
      lastUsedMethodId: string | null;
    };
    PaymentMethodResponse: {
      /** @example visa */
      brand: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      customerId: string;
      /** @example 12/28 */
      expiry: string | null;
      /** Format: uuid */
      id: string;
      isDefault: boolean;
      /** @enum {string} */
      kind: 'card' | 'paypal';
      /** @example 4242 */
      last4: string | null;
    };
    PaymentTermsRequest: {
      /**
       * @description days after the end of the settlement cycle
       * @example 30
       */
      paymentPeriodDays: number;
      /**
       * @description business days skip weekends and the billing entity's holidays
       * @enum {string}
       */
      paymentPeriodKind: 'calendar' | 'business';
      /**
       * @description one bill per month, or per calendar quarter
       * @enum {string}
       */
      settlementCycle: 'monthly' | 'quarterly';
    };
    PaymentTermsResponse: {
      /** @example 15 */
      paymentPeriodDays: number;
      /** @enum {string} */
      paymentPeriodKind: 'calendar' | 'business';
      /** @enum {string} */
      settlementCycle: 'monthly' | 'quarterly';
    };
    PaypalRange: {
      /** @example 500.00 */
      max: string;
      /** @example 8.00 */
      min: string;
    };
    PendingApprovalResponse: {
      approvalRequest: components['schemas']['ApprovalRequestResponse'];
      /** @enum {string} */
      state: 'pending_approval';
    };
    ProofOfCashDayResponse: {
      /**
       * @description opening + movement = closing
       * @example true
       */
      bankBalanced: boolean | null;
      /** @example 1845.50 */
      bankClosing: string | null;
      /** @example 1845.50 */
      bankCredits: string;
      /** @example 0.00 */
      bankDebits: string;
      /**
       * @description credits − debits the bank booked that day
       * @example 1845.50
       */
      bankMovement: string;
      /**
       * @description the last statement closing on the day
       * @example 0.00
       */
      bankOpening: string | null;
      /** @example USD */
      currency: string;
      /**
       * @description the banking day (booking date of the entries)
       * @example 2026-12-01
       */
      date: string;
      differences: components['schemas']['ProofOfCashDifferenceResponse'][];
      /**
       * @description what the books moved from the bank-clearing account into customers' money for that day's entries
       * @example 1845.50
       */
      ledgerMovement: string;
      /**
       * @description bank movement = ledger movement and the bank balances add up
       * @example true
       */
      ties: boolean;
    };
    ProofOfCashDifferenceResponse: {
      /**
       * @description as the bank moved it: credits positive, debits negative
       * @example 12.34
       */
      amount: string;
      /** @example FED26120100001 */
      bankReference: string | null;
      /** Format: uuid */
      entryId: string;
      /** @example waiting in the unmatched queue (held in suspense) */
      explanation: string;
      /**
       * @example unmatched_queue
       * @enum {string}
       */
      kind: 'not_reconciled' | 'unmatched_queue' | 'debit_not_booked' | 'return' | 'fee_reimbursement';
    };
    ProofOfCashResponse: {
      /** Format: uuid */
      collectionAccountId: string;
      /** @description one per banking day and currency with entries */
      days: components['schemas']['ProofOfCashDayResponse'][];
      /** @example 2026-12-01 */
      from: string;
      /** @example 2026-12-01 */
      to: string;
    };
    QueueDayResponse: {
      /** @example 2026-12-01 */
      day: string;
      /**
       * @description whole days the oldest of them had waited
       * @example 9
       */
      oldestAgeDays: number | null;
      /**
       * @description items in the unmatched queue at the end of the day (now, for today)
       * @example 12
       */
      open: number;
    };
    QueueSummaryResponse: {
      byCurrency: components['schemas']['CurrencyTotalResponse'][];
      /** @example 42 */
      count: number;
      /**
       * @description owned by the caller
       * @example 5
       */
      mine: number;
      /**
       * Format: date-time
       * @description when the oldest item arrived
       */
      oldestCreatedAt: string | null;
      /**
       * @description owned by nobody
       * @example 30
       */
      unowned: number;
    };
    RefundRequest: {
      /**
       * @description decimal string in the customer currency
       * @example 25.00
       */
      amount: string;
      /**
       * @description the refund's billing cycle: it pays bills of this cycle or later
       * @example 2026-10
       */
      billingCycle: string;
      /** @example SLA credit for the October outage */
      reason: string;
    };
    RefundResponse: {
      /**
       * @description decimal string in the currency
       * @example 25.00
       */
      amount: string;
      /**
       * @description pays bills of this cycle or later
       * @example 2026-10
       */
      billingCycle: string;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      id: string;
      reason: string;
      /**
       * @description not yet used to pay bills
       * @example 10.00
       */
      remaining: string;
    };
    RefundResultResponse: {
      /** @description absent on a replay */
      billsPaid?: components['schemas']['BillPaidResponse'][];
      refund: components['schemas']['RefundResponse'] | null;
      /** @description true when this Idempotency-Key was seen before: nothing changed */
      replayed: boolean;
    };
    ReissuedVirtualAccountResponse: {
      /** @description the beneficiary's name to write on a transfer (the listing fills in the provider's when none is set) */
      accountHolderName: string | null;
      /** @description the bank holding the account */
      bankName: string | null;
      /** @example COBADEFFXXX */
      bic: string | null;
      /** Format: date-time */
      closedAt: string | null;
      /** Format: uuid */
      collectionAccountId: string;
      collectionAccountName: string;
      /** @description false when the customer already had one in the currency (returned as it is) */
      created: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /**
       * @description the number as people read it
       * @example DE44 3704 0044 0532 0131 17
       */
      display: string;
      /** @description the number, when it is an IBAN */
      iban: string | null;
      /** Format: uuid */
      id: string;
      /**
       * @description the number to pay into (IBAN or account number)
       * @example DE44370400440532013117
       */
      number: string;
      /** @description the closed account it replaces */
      replaces: components['schemas']['VirtualAccountResponse'];
      /** @description US ABA routing number, for ACH */
      routingNumber: string | null;
      /** @enum {string} */
      status: 'active' | 'closed';
    };
    ReissueVirtualAccountRequest: {
      /** @description the collection account the new virtual account is allocated under */
      collectionAccountId: string;
    };
    RejectApprovalRequest: {
      /** @description why the request is rejected (shown to the maker) */
      reason?: string;
    };
    RejectStatementFileRequest: {
      /** @example account of another company, sent to us by mistake */
      reason: string;
    };
    RejectStatementFileResponse: {
      fileId: string;
      reason: string;
      /** @description held entries that will never be credited */
      rejected: number;
    };
    RelationshipListItemResponse: {
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      /** Format: date-time */
      endedAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      mainCustomerId: string;
      mainCustomerName: string;
      mainCustomerReference: string;
      /** Format: uuid */
      memberCustomerId: string;
      memberCustomerName: string;
      memberCustomerReference: string;
    };
    RelationshipRequest: {
      mainCustomerId: string;
      memberCustomerId: string;
    };
    RelationshipResponse: {
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
      /** Format: date-time */
      endedAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      mainCustomerId: string;
      /** Format: uuid */
      memberCustomerId: string;
    };
    RemittanceDetailResponse: {
      bankReference: string | null;
      /**
       * @description what the bank booked
       * @example 975.00
       */
      bookedAmount: string;
      /**
       * Format: uuid
       * @description the collection account it arrived on
       */
      collectionAccountId: string | null;
      /** @example 2 */
      commentCount: number;
      /** @description the latest 100 comments, oldest first */
      comments: components['schemas']['CommentResponse'][];
      /**
       * @description how sure the rule is, 0 to 1
       * @example 0.95
       */
      confidence: number;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string | null;
      entry: components['schemas']['StatementEntryResponse'];
      /** Format: uuid */
      entryId: string;
      /** @description why, in a sentence a person can read */
      explanation: string;
      /** @example 25.00 */
      feeReimbursed: string;
      file: components['schemas']['RemittanceFileResponse'] | null;
      flags: (
        | 'cash_deposit'
        | 'cheque_deposit'
        | 'currency_not_held'
        | 'low_confidence'
        | 'ambiguous_reference'
        | 'no_rule_matched'
        | 'fee_above_cap'
        | 'return_without_original'
        | 'unknown_collection_account'
      )[];
      /** Format: uuid */
      id: string;
      note: string | null;
      /** @description open bills of the remittance's customer, else of each suggested customer, in the suggestions' order */
      openBills: components['schemas']['CustomerOpenBillsResponse'][];
      /** @description who works this item; null: nobody */
      owner: components['schemas']['RemittanceOwnerResponse'] | null;
      /**
       * @example SEPA
       * @enum {string|null}
       */
      rail: 'SWIFT' | 'ACH' | 'SEPA' | 'CASH' | 'CHEQUE' | 'OTHER' | null;
      /** @description the entry as the bank wrote it */
      rawExcerpt: string | null;
      remittanceInformation: string | null;
      /**
       * @description what the remitter sent (booked + deducted charges)
       * @example 1000.00
       */
      remittedAmount: string;
      remitterAccount: string | null;
      remitterName: string | null;
      repayments: components['schemas']['RemittanceRepaymentResponse'][];
      /** Format: date-time */
      resolvedAt: string | null;
      resolvedBy: string | null;
      /** @enum {string} */
      rule:
        | 'virtual_account'
        | 'known_remitter_account'
        | 'customer_reference'
        | 'bill_reference'
        | 'manual'
        | 'none'
        | 'debit_entry'
        | 'reversal_entry';
      /** @enum {string} */
      state: 'unmatched' | 'credited' | 'split' | 'return_requested' | 'returned' | 'reversed' | 'debit' | 'reversal';
      suggestions: components['schemas']['SuggestionResponse'][];
      /** @example 2026-10-02 */
      valueDate: string | null;
      vouchers: components['schemas']['VoucherResponse'][];
    };
    RemittanceFileResponse: {
      format: string | null;
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: date-time */
      receivedAt: string;
      sourceId: string;
    };
    RemittanceOwnerResponse: {
      /**
       * @description the actor id
       * @example user:0b8f6d3e-1111-4c1c-9a1a-0123456789ab
       */
      id: string;
      /**
       * @description display name when the item was taken
       * @example Ada Lovelace
       */
      name: string;
    };
    RemittanceRepaymentResponse: {
      /** @example 100.00 */
      amount: string;
      billReference: string;
      /** @example 2026-10 */
      cycle: string;
      /** @enum {string} */
      method: 'coupon' | 'stored_value_card' | 'balance' | 'refund' | 'external';
      /** Format: date-time */
      reversedAt: string | null;
    };
    RemittanceResponse: {
      bankReference: string | null;
      /**
       * @description what the bank booked
       * @example 975.00
       */
      bookedAmount: string;
      /**
       * Format: uuid
       * @description the collection account it arrived on
       */
      collectionAccountId: string | null;
      /** @example 2 */
      commentCount: number;
      /**
       * @description how sure the rule is, 0 to 1
       * @example 0.95
       */
      confidence: number;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string | null;
      /** Format: uuid */
      entryId: string;
      /** @description why, in a sentence a person can read */
      explanation: string;
      /** @example 25.00 */
      feeReimbursed: string;
      flags: (
        | 'cash_deposit'
        | 'cheque_deposit'
        | 'currency_not_held'
        | 'low_confidence'
        | 'ambiguous_reference'
        | 'no_rule_matched'
        | 'fee_above_cap'
        | 'return_without_original'
        | 'unknown_collection_account'
      )[];
      /** Format: uuid */
      id: string;
      note: string | null;
      /** @description who works this item; null: nobody */
      owner: components['schemas']['RemittanceOwnerResponse'] | null;
      /**
       * @example SEPA
       * @enum {string|null}
       */
      rail: 'SWIFT' | 'ACH' | 'SEPA' | 'CASH' | 'CHEQUE' | 'OTHER' | null;
      remittanceInformation: string | null;
      /**
       * @description what the remitter sent (booked + deducted charges)
       * @example 1000.00
       */
      remittedAmount: string;
      remitterAccount: string | null;
      remitterName: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
      resolvedBy: string | null;
      /** @enum {string} */
      rule:
        | 'virtual_account'
        | 'known_remitter_account'
        | 'customer_reference'
        | 'bill_reference'
        | 'manual'
        | 'none'
        | 'debit_entry'
        | 'reversal_entry';
      /** @enum {string} */
      state: 'unmatched' | 'credited' | 'split' | 'return_requested' | 'returned' | 'reversed' | 'debit' | 'reversal';
      /** @example 2026-10-02 */
      valueDate: string | null;
    };
    RemitterAccountResponse: {
      /**
       * @description the remitter account, normalized
       * @example SE4550000000058398257466
       */
      account: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      learnedAt: string;
      /** @description who assigned that remittance */
      learnedBy: string;
      /**
       * Format: uuid
       * @description the remittance whose assignment taught it
       */
      learnedFromId: string | null;
      /** @example NORDIC WIDGETS */
      remitterName: string | null;
    };
    RemovedPaymentMethodResponse: {
      /**
       * Format: uuid
       * @description the method that became the default
       */
      newDefaultId: string | null;
    };
    RenewedResourceResponse: {
      autoRenew: boolean;
      /** @enum {string} */
      billingMode: 'monthly' | 'hourly';
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: date-time */
      expiresAt: string | null;
      externalId: string;
      /** @example 0.12 */
      hourlyPrice: string | null;
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * Format: date-time
       * @description isolated: when it is released unless renewed first; stopped: when it is terminated unless the balance is topped up above 0 first (seed 003)
       */
      releaseAt: string | null;
      /** @example 30.00 */
      renewalPrice: string | null;
      /** @description it was isolated and is active again (a resource.restored webhook is on its way) */
      restored: boolean;
      /** @enum {string} */
      status: 'active' | 'isolated' | 'released' | 'stopped' | 'terminated';
      /** Format: date-time */
      statusChangedAt: string;
    };
    RepaymentResponse: {
      /**
       * @description decimal string in the currency
       * @example 100.00
       */
      amount: string;
      /** Format: uuid */
      billId: string;
      /** @example 2026-10 */
      billingCycle: string;
      billReference: string;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      journalEntryId: string;
      /** @enum {string} */
      method: 'coupon' | 'stored_value_card' | 'balance' | 'refund' | 'external';
      /** Format: uuid */
      remittanceId: string | null;
      /** Format: date-time */
      reversedAt: string | null;
    };
    ReplaceHolidaysRequest: {
      /** @description the whole calendar of the year; an empty list clears it */
      holidays: components['schemas']['HolidayRequest'][];
    };
    ReportedResourceResponse: {
      autoRenew: boolean;
      /** @enum {string} */
      billingMode: 'monthly' | 'hourly';
      /** @description false: the platform reported it before; its settings were updated */
      created: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: date-time */
      expiresAt: string | null;
      externalId: string;
      /** @example 0.12 */
      hourlyPrice: string | null;
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * Format: date-time
       * @description isolated: when it is released unless renewed first; stopped: when it is terminated unless the balance is topped up above 0 first (seed 003)
       */
      releaseAt: string | null;
      /** @example 30.00 */
      renewalPrice: string | null;
      /** @enum {string} */
      status: 'active' | 'isolated' | 'released' | 'stopped' | 'terminated';
      /** Format: date-time */
      statusChangedAt: string;
    };
    ReportResourceRequest: {
      /** @description monthly: renew from the balance on the expiry date */
      autoRenew?: boolean;
      /** @enum {string} */
      billingMode: 'monthly' | 'hourly';
      /**
       * Format: date-time
       * @description pay-per-hour: when billing starts (default: now); fees are deducted at each full hour after it
       */
      billingStartsAt?: string;
      /**
       * @description default: the customer's currency
       * @example USD
       */
      currency?: string;
      /**
       * Format: date-time
       * @description monthly: the end of the current period
       */
      expiresAt?: string;
      /**
       * @description the platform's id of the instance (unique)
       * @example ckafka-7f3a
       */
      externalId: string;
      /**
       * @description pay-per-hour: the fee of each full hour
       * @example 0.12
       */
      hourlyPrice?: string;
      /** @example CKafka production */
      name: string;
      /**
       * @description monthly: the price of one more month
       * @example 30.00
       */
      renewalPrice?: string;
    };
    RequeueResponse: {
      notification: components['schemas']['NotificationResponse'];
      /** @description false when it was already pending: nothing changed */
      requeued: boolean;
    };
    ResourceResponse: {
      autoRenew: boolean;
      /** @enum {string} */
      billingMode: 'monthly' | 'hourly';
      /** Format: date-time */
      createdAt: string;
      /** @example USD */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: date-time */
      expiresAt: string | null;
      externalId: string;
      /** @example 0.12 */
      hourlyPrice: string | null;
      /** Format: uuid */
      id: string;
      name: string;
      /**
       * Format: date-time
       * @description isolated: when it is released unless renewed first; stopped: when it is terminated unless the balance is topped up above 0 first (seed 003)
       */
      releaseAt: string | null;
      /** @example 30.00 */
      renewalPrice: string | null;
      /** @enum {string} */
      status: 'active' | 'isolated' | 'released' | 'stopped' | 'terminated';
      /** Format: date-time */
      statusChangedAt: string;
    };
    ReturnRequest: {
      /** @example remitter is not a customer */
      reason: string;
    };
    RevokedApiKeyResponse: {
      /** Format: uuid */
      id: string;
      /** @description false when it was already revoked */
      revoked: boolean;
    };
    SessionResponse: {
      /** @description send as X-CSRF-Token on every POST, PUT, PATCH and DELETE made with the cookie */
      csrfToken: string;
      user: components['schemas']['SessionUserWithLocaleResponse'];
    };
    SessionUserWithLocaleResponse: {
      /**
       * Format: uuid
       * @description members: their customer
       */
      customerId: string | null;
      /**
       * @description members: their customer's language (the console starts in it); null for staff
       * @enum {string|null}
       */
      customerLocale: 'en' | 'zh' | null;
      /**
       * @description lower-cased
       * @example ada@example.com
       */
      email: string;
      /** Format: uuid */
      id: string;
      /** @example Ada Lovelace */
      name: string;
      /** @description false for a user who signs in by link or SSO only */
      passwordSet: boolean;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member';
      totpEnabled: boolean;
      /** @description staff without TOTP while REMITD_STAFF_TOTP_REQUIRED is on: only /auth/* until enrolled */
      totpEnrolmentRequired: boolean;
      /** @description admins: may manage unified settlement tasks (seed 001) */
      unifiedSettlement: boolean;
    };
    SetBalanceAlertRequest: {
      /** @description default: email */
      channels?: ('email' | 'sms')[];
      /** @description the contacts who get it (GET /customers/{id}/contacts); default: the customer's own e-mail */
      contactIds?: string[];
      /**
       * @description default: the customer's currency
       * @example USD
       */
      currency?: string;
      /**
       * @description alert when the balance falls below this
       * @example 50.00
       */
      threshold: string;
    };
    SetCustomerLocaleRequest: {
      /**
       * @description the language of the customer's console and e-mails: en (English) or zh (Simplified Chinese)
       * @enum {string}
       */
      locale: 'en' | 'zh';
    };
    SetSubscriptionsRequest: {
      /** @description who gets this message type on which channels; [] goes back to the seed's roles */
      recipients: components['schemas']['SubscriptionRecipient'][];
    };
    SettledBillResponse: {
      /** @example 100.00 */
      amountPaid: string;
      /** Format: uuid */
      billId: string;
      /** @example B-2026-10-0001 */
      billReference: string;
      /** @example 2026-10 */
      cycle: string;
      /** @enum {string} */
      status: 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
    };
    SettlementCandidatesResponse: {
      /** @description grouped by account name */
      accounts: components['schemas']['CandidateAccount'][];
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      payerCustomerId: string;
    };
    SettlementTaskDeletedResponse: {
      deleted: boolean;
      /** Format: uuid */
      id: string;
    };
    SettlementTaskPaymentResponse: {
      /**
       * @description what the payer must still transfer
       * @example 260.00
       */
      amountDue: string;
      /**
       * @description the payer's balance now
       * @example 100.00
       */
      balance: string;
      /** @example EUR */
      currency: string;
      exclusiveAccount: components['schemas']['ExclusiveAccount'] | null;
      /** @description write it in the transfer: the task it pays */
      paymentReference: string;
      reference: string;
      /** @enum {string} */
      status: 'draft' | 'running' | 'settling' | 'not_started' | 'closed' | 'completed';
      /** Format: uuid */
      taskId: string;
      /** @example 360.00 */
      toBeRepaid: string;
    };
    SettlementTaskResponse: {
      /** Format: date-time */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      createdBy: components['schemas']['TaskActor'];
      /** @example EUR */
      currency: string;
      history: components['schemas']['TaskHistoryEntry'][];
      /** Format: uuid */
      id: string;
      items: components['schemas']['TaskItemResponse'][];
      name: string;
      /** Format: uuid */
      payerCustomerId: string;
      /**
       * @description write it in the transfer reference
       * @example ST-202611-1A2B3C4D
       */
      reference: string;
      /** @enum {string} */
      status: 'draft' | 'running' | 'settling' | 'not_started' | 'closed' | 'completed';
      /** @description "View Total" */
      totals: components['schemas']['TaskTotals'];
      /** Format: date-time */
      updatedAt: string;
    };
    SettlementTaskSummaryResponse: {
      /** Format: date-time */
      completedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      createdBy: components['schemas']['TaskActor'];
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      id: string;
      name: string;
      /** Format: uuid */
      payerCustomerId: string;
      /**
       * @description write it in the transfer reference
       * @example ST-202611-1A2B3C4D
       */
      reference: string;
      /** @enum {string} */
      status: 'draft' | 'running' | 'settling' | 'not_started' | 'closed' | 'completed';
      /** Format: date-time */
      updatedAt: string;
    };
    SignInLinkResponse: {
      /** Format: date-time */
      expiresAt: string;
      /**
       * @description signs the user in once; shown once
       * @example http://127.0.0.1:3000/auth/link/4bX…
       */
      url: string;
    };
    SignInRequest: {
      /** @example ada@example.com */
      email: string;
      /** @example correct horse battery staple */
      password: string;
      /**
       * @description the authenticator app’s code, for users with TOTP
       * @example 123456
       */
      totp?: string;
    };
    SplitPart: {
      /** @example 600.00 */
      amount: string;
      customerId: string;
    };
    SplitPartResponse: {
      /** @example 600.00 */
      amount: string;
      /** Format: uuid */
      customerId: string;
      settled: components['schemas']['SettledBillResponse'][];
    };
    SplitRemittanceResponse: {
      bankReference: string | null;
      /**
       * @description what the bank booked
       * @example 975.00
       */
      bookedAmount: string;
      /**
       * Format: uuid
       * @description the collection account it arrived on
       */
      collectionAccountId: string | null;
      /** @example 2 */
      commentCount: number;
      /**
       * @description how sure the rule is, 0 to 1
       * @example 0.95
       */
      confidence: number;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string | null;
      /** Format: uuid */
      entryId: string;
      /** @description why, in a sentence a person can read */
      explanation: string;
      /** @example 25.00 */
      feeReimbursed: string;
      flags: (
        | 'cash_deposit'
        | 'cheque_deposit'
        | 'currency_not_held'
        | 'low_confidence'
        | 'ambiguous_reference'
        | 'no_rule_matched'
        | 'fee_above_cap'
        | 'return_without_original'
        | 'unknown_collection_account'
      )[];
      /** Format: uuid */
      id: string;
      note: string | null;
      /** @description who works this item; null: nobody */
      owner: components['schemas']['RemittanceOwnerResponse'] | null;
      parts: components['schemas']['SplitPartResponse'][];
      /**
       * @example SEPA
       * @enum {string|null}
       */
      rail: 'SWIFT' | 'ACH' | 'SEPA' | 'CASH' | 'CHEQUE' | 'OTHER' | null;
      remittanceInformation: string | null;
      /**
       * @description what the remitter sent (booked + deducted charges)
       * @example 1000.00
       */
      remittedAmount: string;
      remitterAccount: string | null;
      remitterName: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
      resolvedBy: string | null;
      /** @enum {string} */
      rule:
        | 'virtual_account'
        | 'known_remitter_account'
        | 'customer_reference'
        | 'bill_reference'
        | 'manual'
        | 'none'
        | 'debit_entry'
        | 'reversal_entry';
      /** @enum {string} */
      state: 'unmatched' | 'credited' | 'split' | 'return_requested' | 'returned' | 'reversed' | 'debit' | 'reversal';
      /** @example 2026-10-02 */
      valueDate: string | null;
    };
    SplitRequest: {
      note?: string;
      parts: components['schemas']['SplitPart'][];
    };
    StatementAlertResponse: {
      accountKey: string;
      /** Format: date-time */
      acknowledgedAt: string | null;
      acknowledgedBy: string | null;
      /** Format: date-time */
      createdAt: string;
      details: {
        [key: string]: unknown;
      } | null;
      /** Format: uuid */
      fileId: string | null;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind:
        | 'balance_break'
        | 'sequence_gap'
        | 'unbalanced_statement'
        | 'unknown_collection_account'
        | 'entry_key_collision'
        | 'duplicate_statement'
        | 'proof_of_cash_does_not_tie';
      message: string;
      statementId: string | null;
    };
    StatementBalanceResponse: {
      /** @example customer:…:cash:EUR */
      account: string;
      /** @enum {string} */
      balance: 'cash' | 'refund' | 'stored_value_card' | 'bills_paid';
      /** @description stored-value cards only */
      cardId?: string;
      /** @example 20.00 */
      closingBalance: string;
      /** @example EUR */
      currency: string;
      /** @example 0.00 */
      openingBalance: string;
    };
    StatementChangeResponse: {
      account: string;
      /** @example 1000.00 */
      amount: string;
      /** @enum {string} */
      balance: 'cash' | 'refund' | 'stored_value_card' | 'bills_paid';
      /** @example 1000.00 */
      balanceAfter: string;
      cardId?: string;
      /** @example EUR */
      currency: string;
    };
    StatementEntryResponse: {
      accountKey: string;
      additionalInfo: string | null;
      /** @example 975.00 */
      amount: string;
      bankReference: string | null;
      bankTransactionCode: string | null;
      bookingDate: string | null;
      changeCode: string | null;
      chargesAmount: string | null;
      chargesCurrency: string | null;
      /** Format: uuid */
      collectionAccountId: string | null;
      /** Format: date-time */
      createdAt: string;
      creditedAccount: string | null;
      /** @example EUR */
      currency: string;
      /** @enum {string} */
      direction: 'CRDT' | 'DBIT';
      endToEndId: string | null;
      /** Format: uuid */
      fileId: string;
      /** @example camt.053 */
      format: string;
      hold: string | null;
      /** Format: uuid */
      id: string;
      instructedAmount: string | null;
      instructedCurrency: string | null;
      /** @example Stmt[1]/Ntry[1] */
      location: string;
      naturalKey: string;
      originalReference: string | null;
      /** @example SEPA */
      rail: string;
      remittanceStructured: string | null;
      remittanceUnstructured: string | null;
      remitterAccount: string | null;
      remitterBic: string | null;
      remitterName: string | null;
      returnReasonCode: string | null;
      reversal: boolean;
      statementId: string;
      /** @enum {string} */
      status: 'BOOK' | 'PDNG' | 'INFO';
      uetr: string | null;
      /** Format: date-time */
      updatedAt: string;
      valueDate: string | null;
    };
    StatementFileResponse: {
      /** @description a duplicate (status duplicate): the file received before with the same content */
      duplicateOf: components['schemas']['DuplicateOfResponse'] | null;
      entryCount: number;
      /** @description why it was quarantined */
      error: string | null;
      /** @example Stmt[1]/Ntry[3]/Amt */
      errorLocation: string | null;
      /** @example camt053-2026-10-02.xml */
      fileName: string;
      /** @example camt.053 */
      format: string | null;
      /** Format: uuid */
      id: string;
      /** @description entries not seen in an earlier file */
      newEntryCount: number;
      /** Format: date-time */
      processedAt: string | null;
      /** Format: date-time */
      receivedAt: string;
      /** Format: date-time */
      rejectedAt: string | null;
      rejectedBy: string | null;
      rejectionReason: string | null;
      sha256: string | null;
      /**
       * @description bytes (decimal string)
       * @example 18234
       */
      size: string;
      sourceId: string;
      statementCount: number;
      /** @enum {string} */
      status: 'ingested' | 'quarantined' | 'duplicate';
      /** @description the raw copy (a duplicate: the original's) */
      storedPath: string | null;
    };
    StatementMovementResponse: {
      /**
       * @description change of the cash balance in the customer currency
       * @example 0.00
       */
      amount: string;
      at: string;
      changes: components['schemas']['StatementChangeResponse'][];
      /** @example EUR */
      currencyReceived?: string;
      description: string;
      /**
       * @description bank fees the provider reimbursed
       * @example 25.00
       */
      feeReimbursed?: string;
      journalEntryId: string;
      /** @example remittance_credit */
      kind: string;
      /**
       * @description a receipt: what the customer remitted
       * @example 1000.00
       */
      received?: string;
      /** @description staff only */
      recordedBy?: string | null;
      /**
       * @description the cash balance after the movement
       * @example 0.00
       */
      runningBalance: string;
    };
    StatementResponse: {
      /** @description the cash account */
      account: string;
      balances: components['schemas']['StatementBalanceResponse'][];
      /**
       * @description cash, at the end of the range
       * @example 20.00
       */
      closingBalance: string;
      /** @example EUR */
      currency: string;
      customerId: string;
      from: string | null;
      movements: components['schemas']['StatementMovementResponse'][];
      /**
       * @description cash, at the start of the range
       * @example 0.00
       */
      openingBalance: string;
      to: string | null;
    };
    SubscriptionRecipient: {
      channels: ('email' | 'sms')[];
      /** Format: uuid */
      contactId: string;
    };
    SuggestionResponse: {
      /** Format: uuid */
      customerId: string;
      customerName: string;
      /** @example remitter name resembles the customer name */
      reason: string;
      /** @example 0.8 */
      score: number;
    };
    TaskActor: {
      /** @example apikey:… */
      id: string;
      name: string | null;
      /**
       * @description system: the reconciler
       * @enum {string}
       */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member' | 'system';
    };
    TaskHistoryEntry: {
      actor: components['schemas']['TaskActor'];
      /** Format: date-time */
      at: string;
      /** @enum {string|null} */
      from: 'draft' | 'running' | 'settling' | 'not_started' | 'closed' | 'completed' | null;
      note: string | null;
      /** @enum {string} */
      to: 'draft' | 'running' | 'settling' | 'not_started' | 'closed' | 'completed';
    };
    TaskItemRequest: {
      /** @example 2026-09 */
      billingCycle: string;
      /**
       * Format: uuid
       * @description the account whose bill of that cycle the task settles
       */
      customerId: string;
    };
    TaskItemResponse: {
      /** Format: uuid */
      billId: string | null;
      /** @example 2026-09 */
      billingCycle: string;
      billReference: string | null;
      /** @example unsettled */
      billStatus: string | null;
      /** @example 120.00 */
      consumption: string;
      /** Format: uuid */
      customerId: string;
      customerName: string;
      /** @example 0.00 */
      paidByTask: string;
      /** @description the order the task pays in (1 first) */
      position: number;
      /** @description settled by something else meanwhile: it dropped out of the amount */
      settledOtherwise: boolean;
      /** @example 120.00 */
      toBeRepaid: string;
    };
    TaskTotals: {
      /** @example 360.00 */
      consumption: string;
      /** @example 0.00 */
      paidByTask: string;
      /** @example 360.00 */
      toBeRepaid: string;
    };
    TopUpRequest: {
      /**
       * @description decimal string in the customer currency
       * @example 500.00
       */
      amount: string;
      collectionAccountId?: string;
      /** @example BANK-REF-2026-1102-77 */
      reference: string;
    };
    TopUpResponse: {
      /**
       * @description decimal string in the currency
       * @example 500.00
       */
      amount: string;
      /**
       * @description cash balance afterwards
       * @example 350.00
       */
      balance: string;
      billsSettled: components['schemas']['SettledBillResponse'][];
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /** Format: uuid */
      journalEntryId: string;
    };
    TotpConfirmRequest: {
      /** @example 123456 */
      code: string;
    };
    TotpEnrolmentResponse: {
      /** @example otpauth://totp/remitd:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=remitd */
      otpauthUri: string;
      /**
       * @description base32; shown once
       * @example JBSWY3DPEHPK3PXP
       */
      secret: string;
    };
    TransferRequest: {
      /**
       * @description decimal string in the customer currency
       * @example 100.00
       */
      amount: string;
      fromCustomerId: string;
      toCustomerId: string;
    };
    TransferResponse: {
      /**
       * @description decimal string in the currency
       * @example 100.00
       */
      amount: string;
      /** @description the receiver's bills settled by the transfer */
      automaticBillSettlement: components['schemas']['AutoSettlementOutcome'][];
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      from: string;
      /** Format: uuid */
      journalEntryId: string;
      /** Format: uuid */
      to: string;
      /**
       * @deprecated
       * @description the same as automaticBillSettlement
       */
      writeOff: components['schemas']['AutoSettlementOutcome'][];
    };
    UnbalancedJournal: {
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      journalEntryId: string;
      /** @example 0.01 */
      total: string;
    };
    UnknownAccountsResponse: {
      items: components['schemas']['UnknownAccountView'][];
    };
    UnknownAccountView: {
      /** @example GB33BUKB20201555555555 */
      accountKey: string;
      /** @description of them booked */
      booked: number;
      /**
       * @description booked credits held, decimal string
       * @example 300.00
       */
      credits: string;
      /** @example EUR */
      currency: string;
      /**
       * @description booked debits held, decimal string
       * @example 0.00
       */
      debits: string;
      /** @description held entries (booked, pending and information) */
      entries: number;
      /** @description files the held entries came in */
      fileIds: string[];
      /** Format: date-time */
      firstSeenAt: string;
    };
    UnpaidAmount: {
      /** @example 120.00 */
      amount: string;
      /** @example USD */
      currency: string;
    };
    UnsettledReasonResponse: {
      /** @enum {string} */
      code:
        | 'settled'
        | 'not_issued_yet'
        | 'auto_write_off_off'
        | 'insufficient_credit'
        | 'card_restriction'
        | 'refund_restriction'
        | 'settlement_task'
        | 'older_bills_first'
        | 'partial_payment_off'
        | 'credit_control_terms'
        | 'pay_as_you_go'
        | 'payment_pending'
        | 'write_off_queued';
      message: string;
    };
    UpdateBillingEntityRequest: {
      /** @description the collection accounts the entity owns afterwards (others it owned are released) */
      collectionAccountIds?: string[];
      /** @example US */
      country?: string;
      /**
       * @example [
       *       "USD"
       *     ]
       */
      currencies?: string[];
      name?: string;
      offersExclusiveAccounts?: boolean;
      /** @example America/Los_Angeles */
      timeZone?: string;
    };
    UpdateCustomerRequest: {
      /** @description automatic bill settlement */
      autoBillSettlement?: boolean;
      /**
       * @deprecated
       * @description old name of autoBillSettlement, still accepted
       */
      autoWriteOff?: boolean;
      /**
       * Format: uuid
       * @description the provider's entity the customer contracts with
       */
      billingEntityId?: string;
      creditControl?: boolean;
      /** @example 5000.00 */
      creditLimit?: string;
      email?: string;
      /** @example 0.00 */
      frozenAmount?: string;
      /**
       * @description the language of the customer's console and e-mails: en (English) or zh (Simplified Chinese)
       * @default en
       * @enum {string}
       */
      locale: 'en' | 'zh';
      name?: string;
      partialLastBill?: boolean;
      /** @description refunds may settle bills of earlier cycles ("write off past bills"): customers on credit control only */
      settlePastBillsWithRefunds?: boolean;
      /**
       * @deprecated
       * @description old name of settlePastBillsWithRefunds, still accepted
       */
      writeOffPastBills?: boolean;
    };
    UserResponse: {
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description members: their customer
       */
      customerId: string | null;
      /**
       * @description lower-cased
       * @example ada@example.com
       */
      email: string;
      /** Format: uuid */
      id: string;
      /**
       * Format: date-time
       * @description locked after too many failed sign-ins until then; null when not locked
       */
      lockedUntil: string | null;
      /** @example Ada Lovelace */
      name: string;
      /** @description false for a user who signs in by link or SSO only */
      passwordSet: boolean;
      /** @enum {string} */
      role: 'super_admin' | 'admin' | 'account_manager' | 'finance' | 'member';
      totpEnabled: boolean;
      /** @description staff without TOTP while REMITD_STAFF_TOTP_REQUIRED is on: only /auth/* until enrolled */
      totpEnrolmentRequired: boolean;
      /** @description admins: may manage unified settlement tasks (seed 001) */
      unifiedSettlement: boolean;
    };
    VirtualAccountResponse: {
      /** @description the beneficiary's name to write on a transfer (the listing fills in the provider's when none is set) */
      accountHolderName: string | null;
      /** @description the bank holding the account */
      bankName: string | null;
      /** @example COBADEFFXXX */
      bic: string | null;
      /** Format: date-time */
      closedAt: string | null;
      /** Format: uuid */
      collectionAccountId: string;
      collectionAccountName: string;
      /** @description false when the customer already had one in the currency (returned as it is) */
      created: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @example EUR */
      currency: string;
      /** Format: uuid */
      customerId: string;
      /**
       * @description the number as people read it
       * @example DE44 3704 0044 0532 0131 17
       */
      display: string;
      /** @description the number, when it is an IBAN */
      iban: string | null;
      /** Format: uuid */
      id: string;
      /**
       * @description the number to pay into (IBAN or account number)
       * @example DE44370400440532013117
       */
      number: string;
      /** @description US ABA routing number, for ACH */
      routingNumber: string | null;
      /** @enum {string} */
      status: 'active' | 'closed';
    };
    VoucherResponse: {
      /** @enum {string} */
      contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
      /** Format: date-time */
      createdAt: string;
      /** @example mt103-copy.pdf */
      filename: string;
      /** Format: uuid */
      id: string;
      /**
       * @description cite it as voucherReference of a fee reimbursement
       * @example VOUCHER-3f1a9c0b7d2e
       */
      reference: string;
      /**
       * @description hex SHA-256 of the content
       * @example 3f1a9c0b7d2e…
       */
      sha256: string;
      /**
       * @description bytes
       * @example 48213
       */
      size: number;
      /** @description the actor who uploaded it */
      uploadedBy: string;
    };
    VoucherUploadResponse: {
      /** @enum {string} */
      contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
      /** Format: date-time */
      createdAt: string;
      /** @example mt103-copy.pdf */
      filename: string;
      /** Format: uuid */
      id: string;
      /**
       * @description cite it as voucherReference of a fee reimbursement
       * @example VOUCHER-3f1a9c0b7d2e
       */
      reference: string;
      /** @description true when this file was kept for this remittance before: nothing changed */
      replayed: boolean;
      /**
       * @description hex SHA-256 of the content
       * @example 3f1a9c0b7d2e…
       */
      sha256: string;
      /**
       * @description bytes
       * @example 48213
       */
      size: number;
      /** @description the actor who uploaded it */
      uploadedBy: string;
    };
    WebhookDeliveryResponse: {
      attempt: number;
      /** Format: date-time */
      attemptedAt: string;
      durationMs: number;
      error: string | null;
      /** Format: uuid */
      id: string;
      statusCode: number | null;
      url: string;
    };
    WebhookEventDetailResponse: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      customerId: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /** @description the delivery log, one row per attempt */
      deliveries: components['schemas']['WebhookDeliveryResponse'][];
      /**
       * Format: uuid
       * @description also the Remitd-Event-Id header: the receiver dedupes on it
       */
      id: string;
      lastError: string | null;
      /** Format: date-time */
      nextAttemptAt: string;
      /** @description the body posted, exactly */
      payload: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      resourceId: string | null;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
      /** @example resource.isolated */
      type: string;
    };
    WebhookEventResponse: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      customerId: string | null;
      /** Format: date-time */
      deliveredAt: string | null;
      /**
       * Format: uuid
       * @description also the Remitd-Event-Id header: the receiver dedupes on it
       */
      id: string;
      lastError: string | null;
      /** Format: date-time */
      nextAttemptAt: string;
      /** @description the body posted, exactly */
      payload: {
        [key: string]: unknown;
      };
      /** Format: uuid */
      resourceId: string | null;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'failed';
      /** @example resource.isolated */
      type: string;
    };
    WebhookReceivedResponse: {
      /** Format: uuid */
      paymentId: string | null;
      received: boolean;
      /**
       * @description the payment's status after the event (null: no payment holds the charge's key)
       * @enum {string|null}
       */
      status: 'pending' | 'retry_scheduled' | 'succeeded' | 'failed' | null;
    };
    WhyUnsettledResponse: {
      /** Format: uuid */
      billId: string;
      /** @example EUR */
      currency: string;
      /**
       * @description decimal string in the currency
       * @example 150.00
       */
      outstanding: string;
      reasons: components['schemas']['UnsettledReasonResponse'][];
      reference: string;
      /** @enum {string} */
      status: 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  ApiKeysController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ApiKeyResponse'][];
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedApiKeyResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApiKeysController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RevokedApiKeyResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApprovalsController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        customerId?: string;
        limit?: number;
        state?: 'pending' | 'approved' | 'rejected';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ApprovalRequestResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApprovalsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalRequestResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApprovalsController_approve: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the request, approved, with its result */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalRequestResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ApprovalsController_reject: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectApprovalRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalRequestResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuditController_list: {
    parameters: {
      query?: {
        actor?: string;
        /** @description opaque cursor from the previous page */
        cursor?: string;
        entityId?: string;
        entityType?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['AuditEntryResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_authConfig: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuthConfigResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_signInWithLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        token: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed in; to /console/ */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordRequest'];
      };
    };
    responses: {
      /** @description changed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_session: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignInRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed out; the cookie is cleared */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_signOutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description every session ended; the cookie is cleared */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_ssoCallback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description signed in; to returnTo (default /console/) */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_ssoStart: {
    parameters: {
      query?: {
        /** @description a path on this server; default /console/ */
        returnTo?: unknown;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description to the identity provider */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_confirmTotp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpConfirmRequest'];
      };
    };
    responses: {
      /** @description enabled */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  AuthController_enrolTotp: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpEnrolmentResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingEntitiesController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['BillingEntityResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingEntitiesController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateBillingEntityRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingEntityResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingEntitiesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingEntityResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingEntitiesController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateBillingEntityRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingEntityResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingEntitiesController_holidays: {
    parameters: {
      query: {
        /** @description the calendar year */
        year: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HolidayCalendarResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingEntitiesController_replaceHolidays: {
    parameters: {
      query: {
        /** @description the calendar year */
        year: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplaceHolidaysRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HolidayCalendarResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_run: {
    parameters: {
      query?: {
        /** @description true: issue the cycle now even though it is not due yet (never issues a cycle twice) */
        force?: 'true' | 'false';
      };
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        cycle: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description nothing was issued: `skipped` and `reason` say why */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingRunResponse'];
        };
      };
      /** @description bills were issued */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillingRunResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_bills: {
    parameters: {
      query?: {
        billingCycle?: string;
        /** @description opaque cursor from the previous page */
        cursor?: string;
        customerId?: string;
        limit?: number;
        status?: 'open' | 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['BillResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_bill: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BillDetailResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_payBill: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GatewayPaymentRequest'];
      };
    };
    responses: {
      /** @description the gateway answered: succeeded */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GatewayPaymentResponse'];
        };
      };
      /** @description the result is not known yet (pending) */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GatewayPaymentResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_pay: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ManualPaymentRequest'];
      };
    };
    responses: {
      /** @description the payment, or (an offline payment by an account manager) the approval request it waits on */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['ManualPaymentResponse'] | components['schemas']['PendingApprovalResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_pdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A4 PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_why: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WhyUnsettledResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_billsCsv: {
    parameters: {
      query?: {
        billingCycle?: string;
        /** @description opaque cursor from the previous page */
        cursor?: string;
        customerId?: string;
        limit?: number;
        status?: 'open' | 'unsettled' | 'partly_paid' | 'overdue' | 'settled';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RFC 4180 CSV, header row first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CollectionAccountsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CollectionAccountResponse'][];
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CollectionAccountsController_createAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCollectionAccountRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CollectionAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_applyCoupon: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApplyCouponRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AppliedCouponResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
        /** @description name (contains), exact reference or e-mail */
        search?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CustomerResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_createCustomer: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCustomerRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CreatedCustomerResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_patch: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCustomerRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description the credit-limit increase waits for a checker; nothing changed yet */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PendingApprovalResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_balanceAlerts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BalanceAlertListResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_setBalanceAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetBalanceAlertRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BalanceAlertResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_removeBalanceAlert: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        alertId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BalanceAlertResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_charges: {
    parameters: {
      query?: {
        /** @description false: charges not yet on a bill (what the next issuance bills); true: billed ones */
        billed?: 'true' | 'false';
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChargeListResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_charge: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChargeRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChargeResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_contacts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactListResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_addContact: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AddContactRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ContactResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_coupons: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CouponResponse'][];
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_coupon: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CouponRequest'];
      };
    };
    responses: {
      /** @description the coupon, or the approval request it waits on */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            components['schemas']['CouponResponse'] | components['schemas']['PendingApprovalResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_payByCycle: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PayCycleRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PayCycleResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_relationships: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RelationshipListItemResponse'][];
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_payments: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GatewayPaymentListResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_setLocale: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetCustomerLocaleRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_subscriptions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageSubscriptionListResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_setSubscriptions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageType:
          | 'expiration_warning'
          | 'overdue_warning'
          | 'release'
          | 'arrears_reminder'
          | 'stop'
          | 'restore'
          | 'termination';
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetSubscriptionsRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MessageSubscriptionListResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_account: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaygAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaygSettingsRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaygAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_activate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaygActivationRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaygActivationResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_paymentInstructions: {
    parameters: {
      query?: {
        /** @description the document's language; defaults to the customer's own language, else English */
        lang?: 'en' | 'zh';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A4 PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentMethodListResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_link: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkPaymentMethodRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentMethodResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        methodId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemovedPaymentMethodResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_makeDefault: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        methodId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentMethodResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_setPaymentTerms: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PaymentTermsRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_refunds: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RefundResponse'][];
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_refund: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RefundRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RefundResultResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RemitterAccountsController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RemitterAccountResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  RemitterAccountsController_forget: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        accountId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the account forgotten */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemitterAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_report: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportResourceRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReportedResourceResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_settings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CustomerSettingsRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CustomerResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_statement: {
    parameters: {
      query?: {
        format?: 'json' | 'csv';
        from?: string;
        to?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatementResponse'];
          'text/csv': components['schemas']['StatementResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_cards: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CardResponse'][];
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_card: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CardRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IssuedCardResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_topUp: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TopUpRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TopUpResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_listVirtualAccounts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['VirtualAccountResponse'][];
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_allocateVirtualAccount: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AllocateVirtualAccountRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VirtualAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_closeVirtualAccount: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
        virtualAccountId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VirtualAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  CustomersController_reissueVirtualAccount: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
        virtualAccountId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReissueVirtualAccountRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReissuedVirtualAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  DashboardController_view: {
    parameters: {
      query?: {
        /** @description days in the series */
        days?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DashboardResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  EventsController_stream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description an endless text/event-stream */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_relate: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RelationshipRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RelationshipResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_endRelationship: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RelationshipResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  HealthController_health: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthResponse'];
        };
      };
    };
  };
  LedgerController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LedgerVerifyResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
        recipient?: string;
        /** @description failed: given up, waiting for a person to requeue them */
        status?: 'pending' | 'sent' | 'failed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationsPage'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  NotificationsController_requeue: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RequeueResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  PaymentsController_monthEnd: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MonthEndRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeductionRunResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ProofOfCashController_view: {
    parameters: {
      query: {
        collectionAccountId: string;
        /** @description csv: one row per difference (or per day that ties) */
        format?: 'json' | 'csv';
        from: string;
        to: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProofOfCashResponse'];
          'text/csv': components['schemas']['ProofOfCashResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_list: {
    parameters: {
      query?: {
        /** @description the collection account the money arrived on */
        collectionAccountId?: string;
        currency?: string;
        /** @description opaque cursor from the previous page */
        cursor?: string;
        customerId?: string;
        flag?:
          | 'cash_deposit'
          | 'cheque_deposit'
          | 'currency_not_held'
          | 'low_confidence'
          | 'ambiguous_reference'
          | 'no_rule_matched'
          | 'fee_above_cap'
          | 'return_without_original'
          | 'unknown_collection_account';
        limit?: number;
        /** @description arrived at most this many whole days ago */
        maxAgeDays?: number;
        /** @description remitted amount at most */
        maxAmount?: string;
        /** @description arrived at least this many whole days ago */
        minAgeDays?: number;
        /** @description remitted amount at least */
        minAmount?: string;
        /** @description "me" (the caller), "none" (nobody) or an actor id */
        owner?: string;
        /** @description text in the remitter's name, the bank reference or the remittance information */
        q?: string;
        rail?: 'SWIFT' | 'ACH' | 'SEPA' | 'CASH' | 'CHEQUE' | 'OTHER';
        /** @description the cursor follows the sort */
        sort?: 'oldest' | 'newest' | 'amount_desc' | 'amount_asc';
        state?:
          'unmatched' | 'credited' | 'split' | 'return_requested' | 'returned' | 'reversed' | 'debit' | 'reversal';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RemittanceResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_detail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemittanceDetailResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_assign: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignedRemittanceResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_comments: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['CommentResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_addComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_feeReimbursement: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FeeReimbursementRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FeeReimbursementResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_setOwner: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OwnerRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemittanceResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_markForReturn: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReturnRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RemittanceResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_split: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SplitRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SplitRemittanceResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_uploadVoucher: {
    parameters: {
      query?: never;
      header?: {
        /** @description the file name (percent-encoded when not ASCII) */
        'X-Filename'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/pdf': string;
        'image/jpeg': string;
        'image/png': string;
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VoucherUploadResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_voucher: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        voucherId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file as uploaded */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
          'image/jpeg': string;
          'image/png': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UnmatchedController_summary: {
    parameters: {
      query?: {
        /** @description the collection account the money arrived on */
        collectionAccountId?: string;
        currency?: string;
        customerId?: string;
        flag?:
          | 'cash_deposit'
          | 'cheque_deposit'
          | 'currency_not_held'
          | 'low_confidence'
          | 'ambiguous_reference'
          | 'no_rule_matched'
          | 'fee_above_cap'
          | 'return_without_original'
          | 'unknown_collection_account';
        /** @description arrived at most this many whole days ago */
        maxAgeDays?: number;
        /** @description remitted amount at most */
        maxAmount?: string;
        /** @description arrived at least this many whole days ago */
        minAgeDays?: number;
        /** @description remitted amount at least */
        minAmount?: string;
        /** @description "me" (the caller), "none" (nobody) or an actor id */
        owner?: string;
        /** @description text in the remitter's name, the bank reference or the remittance information */
        q?: string;
        rail?: 'SWIFT' | 'ACH' | 'SEPA' | 'CASH' | 'CHEQUE' | 'OTHER';
        state?:
          'unmatched' | 'credited' | 'split' | 'return_requested' | 'returned' | 'reversed' | 'debit' | 'reversal';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QueueSummaryResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_repayments: {
    parameters: {
      query?: {
        billId?: string;
        /** @description opaque cursor from the previous page */
        cursor?: string;
        customerId?: string;
        from?: string;
        limit?: number;
        method?: 'coupon' | 'stored_value_card' | 'balance' | 'refund' | 'external';
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['RepaymentResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_repaymentsCsv: {
    parameters: {
      query?: {
        billId?: string;
        /** @description opaque cursor from the previous page */
        cursor?: string;
        customerId?: string;
        from?: string;
        limit?: number;
        method?: 'coupon' | 'stored_value_card' | 'balance' | 'refund' | 'external';
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RFC 4180 CSV, header row first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        customerId?: string;
        limit?: number;
        status?: 'active' | 'isolated' | 'released' | 'stopped' | 'terminated';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['ResourceResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResourceResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  ResourcesController_renew: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RenewedResourceResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
        payerCustomerId?: string;
        status?: 'draft' | 'running' | 'settling' | 'not_started' | 'closed' | 'completed';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['SettlementTaskSummaryResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_create: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSettlementTaskRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_view: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_delete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskDeletedResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_edit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EditSettlementTaskRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_billPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        billId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_enable: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_csv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RFC 4180 CSV, header row first */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_payment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskPaymentResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_consolidatedPdf: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PDF */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/pdf': string;
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_run: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_stop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementTaskResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  SettlementTasksController_candidates: {
    parameters: {
      query: {
        /** @description the account whose balance would pay */
        payerCustomerId: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SettlementCandidatesResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StatementAccountsController_assign: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        account: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignStatementAccountRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AssignStatementAccountResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StatementAccountsController_held: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        account: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HeldEntriesResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StatementAccountsController_unknown: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UnknownAccountsResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StatementsController_alerts: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
        show?: 'open' | 'all';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StatementAlertResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StatementsController_acknowledge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatementAlertResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StatementsController_files: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
        status?: 'ingested' | 'quarantined' | 'duplicate';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['StatementFileResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  StatementAccountsController_reject: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RejectStatementFileRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RejectStatementFileResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  BillingController_transfer: {
    parameters: {
      query?: never;
      header: {
        /** @description a unique key per intended effect (max 200 characters), scoped to the API key: a retry with the same key and body returns the first outcome (header Idempotent-Replayed: true); the same key with another body is 409 */
        'Idempotency-Key': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransferRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TransferResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['UserResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_signInLink: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInLinkResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  UsersController_unlock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  WebhookEventsController_list: {
    parameters: {
      query?: {
        /** @description opaque cursor from the previous page */
        cursor?: string;
        limit?: number;
        resourceId?: string;
        status?: 'pending' | 'delivered' | 'failed';
        type?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: components['schemas']['WebhookEventResponse'][];
            /** @description pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  WebhookEventsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEventDetailResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  WebhookEventsController_replay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEventResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
  GatewayWebhookController_receive: {
    parameters: {
      query?: never;
      header: {
        /** @description t=<unix seconds>,v1=<hex HMAC-SHA256> */
        'Gateway-Signature': string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookReceivedResponse'];
        };
      };
      /** @description invalid input; `error.field` names it */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description no API key, or an unknown or revoked one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      /** @description the key’s role may not call this operation */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponse'];
        };
      };
    };
  };
}

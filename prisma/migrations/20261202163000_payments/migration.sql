-- Payment methods linked through the payment gateway (seed 000: bank card or PayPal). remitd keeps
-- only the gateway's token, brand, last four digits and expiry: never a card number.
CREATE TABLE payment_methods (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  kind text NOT NULL CHECK (kind IN ('card', 'paypal')),
  gateway_token text NOT NULL,
  brand text NOT NULL,
  last4 text NULL,
  expiry text NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  removed_at timestamptz(6) NULL
);
CREATE UNIQUE INDEX payment_methods_token_key ON payment_methods(gateway_token) WHERE removed_at IS NULL;
CREATE UNIQUE INDEX payment_methods_one_default ON payment_methods(customer_id) WHERE is_default AND removed_at IS NULL;
CREATE INDEX payment_methods_customer_idx ON payment_methods(customer_id, created_at, id);

-- Pay-as-you-go settings and state of a customer not on credit control.
CREATE TABLE payg_accounts (
  customer_id uuid PRIMARY KEY REFERENCES customers(id),
  paypal_threshold numeric(20, 4) NULL,
  preauthorized_at timestamptz(6) NULL,
  in_arrears boolean NOT NULL DEFAULT false,
  arrears_since timestamptz(6) NULL,
  last_method_id uuid NULL,
  updated_at timestamptz(6) NOT NULL DEFAULT now()
);

CREATE TABLE payg_activations (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  product text NOT NULL,
  preauthorized boolean NOT NULL,
  created_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE INDEX payg_activations_customer_idx ON payg_activations(customer_id, created_at, id);

-- One charge through the gateway: a pay-as-you-go deduction or a payment of a bill. The row is
-- committed (pending, with the attempt's idempotency key) before the gateway is asked, so an
-- outcome lost to a timeout or a crash is found again by that key and never charged twice.
CREATE TABLE gateway_payments (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers(id),
  bill_id uuid NULL REFERENCES bills(id),
  payment_method_id uuid NOT NULL REFERENCES payment_methods(id),
  channel text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('payg_threshold', 'payg_month_end', 'bill')),
  amount numeric(20, 4) NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'retry_scheduled', 'succeeded', 'failed')),
  attempt int NOT NULL DEFAULT 1,
  idempotency_key text NOT NULL,
  gateway_charge_id text NULL,
  next_attempt_at timestamptz(6) NULL,
  last_error text NULL,
  journal_entry_id uuid NULL,
  forced boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  updated_at timestamptz(6) NOT NULL DEFAULT now(),
  resolved_at timestamptz(6) NULL
);
CREATE UNIQUE INDEX gateway_payments_idempotency_key_key ON gateway_payments(idempotency_key);
CREATE INDEX gateway_payments_open_idx ON gateway_payments(status, next_attempt_at) WHERE status IN ('pending', 'retry_scheduled');
CREATE INDEX gateway_payments_bill_idx ON gateway_payments(bill_id) WHERE bill_id IS NOT NULL;
CREATE INDEX gateway_payments_customer_idx ON gateway_payments(customer_id, created_at, id);

-- A pay-as-you-go charge is deducted once: the gateway payment that covers it.
ALTER TABLE charges ADD COLUMN gateway_payment_id uuid NULL;
ALTER TABLE charges ADD COLUMN prepaid_applied boolean NOT NULL DEFAULT false;
CREATE INDEX charges_uncovered_idx ON charges(customer_id) WHERE gateway_payment_id IS NULL;
CREATE INDEX charges_gateway_payment_idx ON charges(gateway_payment_id) WHERE gateway_payment_id IS NOT NULL;

CREATE TABLE payg_month_end_runs (
  billing_cycle text PRIMARY KEY,
  started_at timestamptz(6) NOT NULL DEFAULT now(),
  finished_at timestamptz(6) NULL,
  payments int NOT NULL DEFAULT 0
)

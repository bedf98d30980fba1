-- Issue 14, first part: the provider's billing entities (seed 002), their holiday calendars,
-- payment terms with a settlement cycle, and the terms in force written on every bill.
CREATE TABLE billing_entities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  country char(2) NOT NULL,
  time_zone text NOT NULL,
  currencies text[] NOT NULL DEFAULT '{}',
  offers_exclusive_accounts boolean NOT NULL DEFAULT true,
  created_at timestamptz(6) NOT NULL DEFAULT now(),
  updated_at timestamptz(6) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX billing_entities_name_key ON billing_entities (name);
CREATE INDEX billing_entities_created_at_id_idx ON billing_entities (created_at, id);

CREATE TABLE billing_entity_holidays (
  billing_entity_id uuid NOT NULL REFERENCES billing_entities (id) ON DELETE CASCADE,
  date text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (billing_entity_id, date)
);

ALTER TABLE collection_accounts ADD COLUMN billing_entity_id uuid REFERENCES billing_entities (id);
CREATE INDEX collection_accounts_billing_entity_id_idx ON collection_accounts (billing_entity_id);

ALTER TABLE customers ADD COLUMN billing_entity_id uuid REFERENCES billing_entities (id);
ALTER TABLE customers ADD COLUMN settlement_cycle text NOT NULL DEFAULT 'monthly';
ALTER TABLE customers ADD CONSTRAINT customers_settlement_cycle_check CHECK (settlement_cycle IN ('monthly', 'quarterly'));
ALTER TABLE customers ADD CONSTRAINT customers_payment_term_kind_check CHECK (payment_term_kind IN ('calendar', 'business'));
ALTER TABLE customers ADD CONSTRAINT customers_payment_term_days_check CHECK (payment_term_days BETWEEN 0 AND 366);

-- the terms in force when the bill was issued (bills issued before this have none recorded)
ALTER TABLE bills ADD COLUMN settlement_cycle text NOT NULL DEFAULT 'monthly';
ALTER TABLE bills ADD COLUMN payment_term_days integer;
ALTER TABLE bills ADD COLUMN payment_term_kind text;

-- Issue 18: one "does not tie" alert per collection account, banking day and currency, however
-- often and by however many reconcilers the closed days are checked.
CREATE UNIQUE INDEX statement_alerts_proof_of_cash_day ON statement_alerts (account_key, (details->>'day'), (details->>'currency')) WHERE kind = 'proof_of_cash_does_not_tie';

import { loadConfig } from './config';

describe('BAI2 control totals setting', () => {
  const base = { DATABASE_URL: 'postgresql://remitd@127.0.0.1:5432/remitd' };

  it('refuses a file whose totals do not add up by default; warn on request; anything else stops the boot naming the setting', () => {
    expect(loadConfig(base).parserLimits.bai2ControlTotals).toBe('error');
    expect(loadConfig({ ...base, REMITD_BAI2_CONTROL_TOTALS: 'warn' }).parserLimits.bai2ControlTotals).toBe('warn');
    expect(() => loadConfig({ ...base, REMITD_BAI2_CONTROL_TOTALS: 'ignore' })).toThrow(/REMITD_BAI2_CONTROL_TOTALS/);
  });
});

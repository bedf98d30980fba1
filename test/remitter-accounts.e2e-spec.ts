import { buildCamt, type CamtEntrySpec } from './support/camt-builder';
import { startSystem, type TestSystem } from './support/system';

const COLLECTION = 'DE89370400440532013000';
let fileNo = 0;
const statement = (entries: CamtEntrySpec[]) =>
  buildCamt({ statementId: `RA-${++fileNo}`, account: COLLECTION, entries });

describe('openapi item 10: remembered remitter accounts are listed per customer and forgotten one at a time, audited', () => {
  let sys: TestSystem;

  beforeAll(async () => {
    sys = await startSystem();
  });
  afterAll(() => sys.close());

  const remittanceOf = async (bankReference: string) =>
    sys.prisma.remittance.findFirstOrThrow({
      where: { entryId: (await sys.prisma.statementEntry.findFirstOrThrow({ where: { bankReference } })).id },
    });

  it('lists the account learned by an assignment; after forgetting it, the next transfer from it waits in the queue', async () => {
    const c = await sys.customer({ name: 'Forgetful Traders AB' });
    const other = await sys.customer({ name: 'Someone Else Ltd' });
    sys.drop(
      'learn.xml',
      statement([
        { ref: 'RA-1', amount: '50.00', remitterName: 'FORGETFUL', remitterIban: 'SE3550000000054910000003' },
      ]),
    );
    await sys.tick();
    const first = await remittanceOf('RA-1');
    expect(first.state).toBe('unmatched');
    const am = `Bearer ${await sys.keyFor('account_manager')}`;
    await sys
      .http()
      .post(`/remittances/${first.id}/assign`)
      .set('Authorization', am)
      .set('Idempotency-Key', `ra-assign-${first.id}`)
      .send({ customerId: c.id, rememberRemitterAccount: true })
      .expect(201);

    const list = await sys.http().get(`/customers/${c.id}/remitter-accounts`).set(sys.auth).expect(200);
    expect(list.body).toEqual({
      items: [
        {
          id: expect.any(String),
          account: 'SE3550000000054910000003',
          customerId: c.id,
          remitterName: 'FORGETFUL',
          learnedFromId: first.id,
          learnedBy: expect.any(String),
          learnedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ],
      nextCursor: null,
    });
    const remembered = list.body.items[0];

    // a member sees its own customer's accounts, not another customer's
    const member = `Bearer ${await sys.keyFor('member', c.id)}`;
    const own = await sys.http().get(`/customers/${c.id}/remitter-accounts`).set('Authorization', member);
    expect(own.status).toBe(200);
    expect(own.body.items).toHaveLength(1);
    const foreign = await sys.http().get(`/customers/${other.id}/remitter-accounts`).set('Authorization', member);
    expect(foreign.status).toBe(403);
    // members and finance may not forget
    const byMember = await sys
      .http()
      .delete(`/customers/${c.id}/remitter-accounts/${remembered.id}`)
      .set('Authorization', member);
    expect(byMember.status).toBe(403);
    // the account belongs to c, not to the other customer
    const wrongCustomer = await sys
      .http()
      .delete(`/customers/${other.id}/remitter-accounts/${remembered.id}`)
      .set('Authorization', am);
    expect(wrongCustomer.status).toBe(404);
    expect(wrongCustomer.body.error.code).toBe('REMITTER_ACCOUNT_NOT_FOUND');

    const forget = await sys
      .http()
      .delete(`/customers/${c.id}/remitter-accounts/${remembered.id}`)
      .set('Authorization', am);
    expect(forget.status).toBe(200);
    expect(forget.body).toEqual(remembered);
    expect((await sys.http().get(`/customers/${c.id}/remitter-accounts`).set(sys.auth)).body.items).toEqual([]);
    const again = await sys
      .http()
      .delete(`/customers/${c.id}/remitter-accounts/${remembered.id}`)
      .set('Authorization', am);
    expect(again.status).toBe(404);

    const audit = await sys
      .http()
      .get('/audit-log')
      .query({ entityType: 'customer', entityId: c.id })
      .set(sys.auth)
      .expect(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'remitter_account.forget',
        payload: expect.objectContaining({ account: 'SE3550000000054910000003', remitterAccountId: remembered.id }),
      }),
    );

    // the learned-account rule no longer names the customer
    sys.drop(
      'after.xml',
      statement([
        { ref: 'RA-2', amount: '20.00', remitterName: 'FORGETFUL', remitterIban: 'SE3550000000054910000003' },
      ]),
    );
    await sys.tick();
    const next = await remittanceOf('RA-2');
    expect(next.rule).not.toBe('known_remitter_account');
    expect(next).toMatchObject({ state: 'unmatched', customerId: null });
  });

  it('a bad customer or account id is 400 naming the parameter; an unknown customer is 404', async () => {
    const bad = await sys.http().get('/customers/not-a-uuid/remitter-accounts').set(sys.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'INVALID_UUID', field: 'id' });
    const badAccount = await sys
      .http()
      .delete('/customers/0b8f6d3e-1111-4c1c-9a1a-0123456789ab/remitter-accounts/nope')
      .set(sys.auth);
    expect(badAccount.body.error).toMatchObject({ code: 'INVALID_UUID', field: 'accountId' });
    const unknown = await sys
      .http()
      .get('/customers/0b8f6d3e-1111-4c1c-9a1a-0123456789ab/remitter-accounts')
      .set(sys.auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CUSTOMER_NOT_FOUND');
  });
});

import { Module } from '@nestjs/common';
import { LedgerModule } from '@remitd/ledger';
import { OutboxModule } from '@remitd/notifications';
import { AllocateVirtualAccountUseCase } from './allocate-virtual-account.usecase';
import { BillingEntitiesUseCase } from './billing-entities.usecase';
import { BillingEntityRepository } from './billing-entity.repository';
import { CreateCollectionAccountUseCase } from './collection-account.usecase';
import { CreateCustomerUseCase } from './create-customer.usecase';
import { CustomerQueries } from './customer-queries';
import { CustomerRepository } from './customer.repository';
import { UpdateCustomerUseCase } from './update-customer.usecase';
import { VirtualAccountRepository } from './virtual-account.repository';

const providers = [
  CustomerRepository,
  VirtualAccountRepository,
  CreateCustomerUseCase,
  UpdateCustomerUseCase,
  CustomerQueries,
  CreateCollectionAccountUseCase,
  AllocateVirtualAccountUseCase,
  BillingEntityRepository,
  BillingEntitiesUseCase,
];

@Module({ imports: [LedgerModule, OutboxModule], providers, exports: providers })
export class CustomersModule {}

/** The customer read model alone, for contexts that read customers but run none of their use cases. */
@Module({ providers: [CustomerRepository], exports: [CustomerRepository] })
export class CustomerReadModule {}

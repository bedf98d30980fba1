import { DynamicModule, Global, Module } from '@nestjs/common';
import { ApprovalRequestRepository } from './approval-request.repository';
import { APPROVAL_CAPS, ApprovalsService, type ApprovalCaps } from './approvals.service';

/** Global: customers and billing register their executors and ask for approval; each app imports it once. */
@Global()
@Module({})
export class ApprovalsModule {
  static forRoot(opts: { caps: ApprovalCaps }): DynamicModule {
    return {
      module: ApprovalsModule,
      providers: [ApprovalRequestRepository, ApprovalsService, { provide: APPROVAL_CAPS, useValue: opts.caps }],
      exports: [ApprovalsService],
    };
  }
}

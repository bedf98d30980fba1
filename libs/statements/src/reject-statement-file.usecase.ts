import { Injectable, Logger } from '@nestjs/common';
import { plural } from '@remitd/core';
import { AuditRepository, TransactionRunner, type Actor } from '@remitd/persistence';
import { fileAlreadyRejected, fileHoldsNothing, statementFileNotFound } from './statements.errors';
import { StatementRepository } from './statement.repository';

export interface RejectStatementFileCommand {
  actor: Actor;
  fileId: string;
  reason: string;
}

export interface RejectStatementFileOutcome {
  fileId: string;
  /** held entries that will never be credited */
  rejected: number;
  reason: string;
}

/**
 * Finance says a file's unknown account is not ours (issue 11 item 3): its held entries are
 * never credited, and stay visible with the file's rejection. Entries of known accounts in the
 * same file are not touched (they were reconciled already). Audited.
 */
@Injectable()
export class RejectStatementFileUseCase {
  private readonly logger = new Logger('statement-files');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: StatementRepository,
    private readonly audit: AuditRepository,
  ) {}

  execute(cmd: RejectStatementFileCommand): Promise<RejectStatementFileOutcome> {
    return this.tx.run(async (tx) => {
      const file = await this.repo.fileForUpdate(tx, cmd.fileId);
      if (!file) throw statementFileNotFound(cmd.fileId);
      if (file.rejectedAt) throw fileAlreadyRejected(file.id);
      const rejected = await this.repo.rejectHeldEntries(tx, file.id, cmd.actor.id, cmd.reason);
      if (rejected === 0) throw fileHoldsNothing(file.id);
      await this.audit.record(tx, {
        actor: cmd.actor,
        action: 'statement_file.reject',
        entityType: 'statement_file',
        entityId: file.id,
        payload: { fileName: file.fileName, rejected, reason: cmd.reason },
      });
      this.logger.log(
        `statement file ${file.fileName} rejected: ${plural(rejected, 'held entry', 'held entries')} will not be credited`,
      );
      return { fileId: file.id, rejected, reason: cmd.reason };
    });
  }
}

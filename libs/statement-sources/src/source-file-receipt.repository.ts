import { Injectable } from '@nestjs/common';
import { PrismaService } from '@remitd/persistence';
import type { RemoteFile } from './statement-source';

export interface Receipt {
  fileId: string;
  /** statement_files.status: ingested | quarantined */
  status: string;
  /** the statement_files row's reason when it was quarantined */
  error: string | null;
}

/**
 * Remote files remitd already took in, by what the server lists (source + name + size + mtime):
 * when the move to processed/ fails after ingestion, the next poll moves the file again
 * instead of downloading it again.
 */
@Injectable()
export class SourceFileReceiptRepository {
  constructor(private readonly prisma: PrismaService) {}

  async find(file: RemoteFile): Promise<Receipt | null> {
    if (!file.modifiedAt) return null;
    const receipt = await this.prisma.sourceFileReceipt.findUnique({
      where: {
        sourceId_name_size_modifiedAt: {
          sourceId: file.sourceId,
          name: file.name,
          size: BigInt(file.size),
          modifiedAt: file.modifiedAt,
        },
      },
    });
    if (!receipt) return null;
    const stored = await this.prisma.statementFile.findUnique({ where: { id: receipt.fileId } });
    if (!stored) return null;
    return { fileId: stored.id, status: stored.status, error: stored.error };
  }

  /** A server that lists no mtime gives nothing to recognise the file by: it is not remembered. */
  async remember(file: RemoteFile, fileId: string): Promise<void> {
    if (!file.modifiedAt) return;
    await this.prisma.sourceFileReceipt.createMany({
      data: [
        { sourceId: file.sourceId, name: file.name, size: BigInt(file.size), modifiedAt: file.modifiedAt, fileId },
      ],
      skipDuplicates: true,
    });
  }
}

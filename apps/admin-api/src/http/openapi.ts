import { applyDecorators, Param, PipeTransform, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
  type OpenAPIObject,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isUUID } from 'class-validator';
import { validationError } from '@remitd/core';

/** The one error shape every 4xx and 5xx answers with (the exception filter writes it). */
export class ErrorBody {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable code; tests and clients match on it' })
  code!: string;
  @ApiProperty({ example: 'amount must be a decimal string like "100.00"' }) message!: string;
  @ApiPropertyOptional({
    example: 'amount',
    description:
      'the input the error is about: a body field (dotted for nested ones), a query or path parameter, a header, or "body"',
  })
  field?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiPropertyOptional({ format: 'uuid', description: '500 only: the id also written to the log' }) errorId?: string;
}

export class ErrorResponse {
  @ApiProperty({ type: ErrorBody }) error!: ErrorBody;
}

/**
 * The error answers every authenticated operation may give: 400 names the field, 401 without a
 * valid key, 403 for a role the route does not allow, 404 for unknown ids, 409 for conflicts,
 * 422 for requests the domain refuses.
 */
export const ApiErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ type: ErrorResponse, description: 'invalid input; `error.field` names it' }),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'no API key, or an unknown or revoked one' }),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'the key’s role may not call this operation' }),
    ApiNotFoundResponse({ type: ErrorResponse }),
    ApiConflictResponse({ type: ErrorResponse }),
    ApiUnprocessableEntityResponse({ type: ErrorResponse }),
  );

/** `GET` lists: `{ items: T[], nextCursor }`, typed per item. */
export const ApiPageResponse = (item: Type<unknown>, description?: string) =>
  applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'pass as `cursor` for the next page; null on the last page',
          },
        },
      },
    }),
  );

/** Unpaginated lists: `{ items: T[] }`. */
export const ApiItemsResponse = (item: Type<unknown>, description?: string) =>
  applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items'],
        properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
      },
    }),
  );

/** A path parameter that must be a UUID: a bad one is 400 INVALID_UUID naming the parameter (not a bare HTTP_400). */
export class ParseUuidParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !isUUID(value)) {
      throw validationError('INVALID_UUID', `${this.name} must be a UUID like 0b8f6d3e-…`, this.name);
    }
    return value.toLowerCase();
  }
}

/** `@UuidParam('id')`: the path parameter, validated as a UUID and documented with format uuid. */
export function UuidParam(name: string, description?: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ParseUuidParam(name))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      ApiParam({ name, type: String, format: 'uuid', description })(target, key, descriptor);
    }
  };
}

/** A response that is one of several DTOs (e.g. the effect, or the approval request it waits on). */
export const ApiOneOfResponse = (status: number, description: string, ...types: Type<unknown>[]) =>
  applyDecorators(
    ApiExtraModels(...types),
    ApiResponse({ status, description, schema: { oneOf: types.map((t) => ({ $ref: getSchemaPath(t) })) } }),
  );

/** CSV exports: RFC 4180 text. */
export const ApiCsvResponse = () =>
  applyDecorators(
    ApiProduces('text/csv'),
    ApiOkResponse({
      description: 'RFC 4180 CSV, header row first',
      content: { 'text/csv': { schema: { type: 'string' } } },
    }),
  );

/** `external.channel` of a manual payment and of a payment by cycle: an enum of the channels this server was started with. */
export function withPaymentChannels(document: OpenAPIObject, channels: string[]): OpenAPIObject {
  for (const name of ['ExternalPart', 'CycleExternalPart']) {
    const part = document.components?.schemas?.[name] as SchemaObject | undefined;
    const channel = part?.properties?.channel as SchemaObject | undefined;
    if (channel) channel.enum = channels;
  }
  return document;
}

/**
 * A path parameter that is an account number or IBAN as the bank wrote it: printable text of at
 * most 64 characters (a NUL byte would otherwise reach PostgreSQL and fail there as a 500).
 */
export class ParseAccountParam implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !/^[\x20-\x7e]{1,64}$/.test(value)) {
      throw validationError('INVALID_ACCOUNT', `${this.name} must be an account number or IBAN`, this.name);
    }
    return value;
  }
}

/** `@AccountParam('account')`: a statement account in the path, validated and documented. */
export function AccountParam(name: string, description?: string): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ParseAccountParam(name))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      ApiParam({ name, schema: { type: 'string', maxLength: 64 }, example: 'GB33BUKB20201555555555', description })(
        target,
        key,
        descriptor,
      );
    }
  };
}

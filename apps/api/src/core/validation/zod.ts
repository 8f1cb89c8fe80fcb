import { applyDecorators, Body, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { ValidationFailed } from '../errors/domain-error.js';

/** Turns a zod schema into JSON Schema for the OpenAPI document. */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function zodIssuesToErrors(error: z.ZodError) {
  return error.issues.map((issue) => ({
    path: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : ''),
    message: issue.message,
  }));
}

/** Validates (and transforms) input with a contract schema; failures become 400 problem+json. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}
  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw ValidationFailed(zodIssuesToErrors(result.error));
    return result.data;
  }
}

/** `@ZBody(Schema)`: validated body, documented in OpenAPI from the same schema. */
export const ZBody = (schema: z.ZodType) => Body(new ZodPipe(schema));
export const ZQuery = (schema: z.ZodType) => Query(new ZodPipe(schema));
export const ZParams = (schema: z.ZodType) => Param(new ZodPipe(schema));

/** Documents request and response shapes of an operation from contract schemas. */
export function ApiContract(options: {
  body?: z.ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
  summary?: string;
}) {
  const decorators: Array<ClassDecorator | MethodDecorator | PropertyDecorator> = [];
  if (options.body) decorators.push(ApiBody({ schema: jsonSchema(options.body) }));
  for (const [name, field] of Object.entries(options.query?.shape ?? {})) {
    decorators.push(ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType) }));
  }
  for (const [name, field] of Object.entries(options.params?.shape ?? {})) {
    decorators.push(ApiParam({ name, schema: jsonSchema(field as z.ZodType) }));
  }
  decorators.push(
    ApiResponse({
      status: options.status ?? 200,
      description: options.summary ?? 'Success',
      ...(options.response ? { schema: jsonSchema(options.response) } : {}),
    }),
  );
  return applyDecorators(...decorators);
}

/**
 * Checks a response body against the schema the OpenAPI document declares for it — what a client
 * generated from the document would expect: required properties present, no undocumented ones,
 * types, enums and nullability as documented. Returns the differences, empty when it conforms.
 */
export type JsonSchema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};
type Doc = {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>
  >;
  components: { schemas: Record<string, JsonSchema> };
};

export function responseConformance(doc: Doc) {
  const resolve = (s: JsonSchema): JsonSchema =>
    s.$ref ? resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]) : s;
  const merged = (s: JsonSchema): JsonSchema => {
    const r = resolve(s);
    if (!r.allOf) return r;
    const parts = r.allOf.map(merged);
    return {
      type: 'object',
      // `nullable: true` beside `allOf: [{$ref}]` is how a nullable object property is written in OpenAPI 3.0
      nullable: r.nullable,
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), r.properties ?? {}),
      required: [...parts.flatMap((p) => p.required ?? []), ...(r.required ?? [])],
    };
  };

  const check = (schema: JsonSchema, value: unknown, at: string): string[] => {
    const s = merged(schema);
    if (s.oneOf) {
      const results = s.oneOf.map((o) => check(o, value, at));
      return results.some((r) => r.length === 0) ? [] : [`${at}: matches none of oneOf (${results.flat().join('; ')})`];
    }
    if (value === null) return s.nullable ? [] : [`${at}: null but not nullable`];
    if (s.enum && !s.enum.includes(value))
      return [`${at}: ${JSON.stringify(value)} is not one of ${s.enum.join(', ')}`];
    switch (s.type) {
      case 'string':
        return typeof value === 'string' ? [] : [`${at}: ${typeof value}, documented string`];
      case 'number':
      case 'integer':
        return typeof value === 'number' ? [] : [`${at}: ${typeof value}, documented number`];
      case 'boolean':
        return typeof value === 'boolean' ? [] : [`${at}: ${typeof value}, documented boolean`];
      case 'array':
        if (!Array.isArray(value)) return [`${at}: not an array`];
        return value.flatMap((v, n) => (s.items ? check(s.items, v, `${at}[${n}]`) : []));
      case 'object':
      case undefined: {
        if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
        if (!s.properties) return [];
        const body = value as Record<string, unknown>;
        const out: string[] = [];
        for (const name of s.required ?? []) if (!(name in body)) out.push(`${at}.${name}: missing (required)`);
        for (const [name, v] of Object.entries(body)) {
          const p = s.properties[name];
          if (!p) {
            if (!s.additionalProperties) out.push(`${at}.${name}: not documented`);
            continue;
          }
          if (v !== undefined) out.push(...check(p, v, `${at}.${name}`));
        }
        return out;
      }
      default:
        return [];
    }
  };

  /** the differences between a response and its documented schema */
  return (method: string, template: string, status: number, body: unknown): string[] => {
    const op = doc.paths[template]?.[method.toLowerCase()];
    if (!op) return [`${method} ${template}: no such operation in the document`];
    const response = op.responses[String(status)];
    if (!response) return [`${method} ${template}: ${status} is not a documented answer`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${template} ${status}: no JSON schema`];
    return check(schema, body, `${method} ${template} ${status}`);
  };
}

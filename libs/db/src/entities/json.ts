/** JSON values as stored in jsonb columns (a precise type TypeORM's partial-entity typing accepts). */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

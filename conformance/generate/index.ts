// Test data derived from the ECDX schemas, for vendors' own tests as for the suite's generated checks
// (`import { arbitraryFor, invalidVariants } from 'ecdx/generate'`):
// - `arbitraryFor(schema, options)`: a fast-check arbitrary of valid instances (shrinking toward the smallest);
// - `invalidVariants(schema, valid)`: every variant of a valid instance that breaks one keyword at one member, with
//   the JSON Pointer a refusal must name; `invalidVariant(schema, valid, pick)` one of them;
// - `normalise(schema)`: the schema as the generators read it ($refs resolved, allOf folded).
// The schemas are the published ones (`ecdx/schemas`) or any JSON Schema whose $refs `resolve` finds.
export { arbitraryFor, unsatisfiable, type ArbitraryOptions } from './arbitrary.ts';
export { invalidVariant, invalidVariants, UNDEFINED_MEMBER, variantAt, type BrokenKeyword, type InvalidVariant, type VariantOptions } from './invalid.ts';
export { invalidQueries, type InvalidQuery, type QueryParameter } from './parameters.ts';
export { ecdxSchemas, normalise, type RefResolver, type SchemaNode } from './schema-node.ts';

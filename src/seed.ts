/**
 * The fast-check seed of the property suite (`npm test`, test/setup.ts) when SAMCHECK_SEED is not
 * set; the report's property-throughput suite runs the properties with the same one.
 */
export const DEFAULT_PROPERTY_SEED = 20261123;

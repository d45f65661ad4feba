// Scaffolding until the Spanish text is written: the English section, unchanged.
export { insights } from '../en/insights';
